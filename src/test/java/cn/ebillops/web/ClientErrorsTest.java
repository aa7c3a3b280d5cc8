package cn.ebillops.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** A fault of ours stays a 500 with an error id and its cause at ERROR; statuses Spring owns stay Spring's. */
@ExtendWith(OutputCaptureExtension.class)
class ClientErrorsTest {

    @RestController
    static class Faulty {
        @GetMapping("/fault")
        String fault() {
            throw new IllegalStateException("pool exhausted");
        }

        @GetMapping("/gone")
        String gone() {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.GONE);
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Faulty())
            .setControllerAdvice(new ClientErrors()).build();

    @Test
    void serverFaultIsA500WithAnErrorIdAndItsCauseAtError(CapturedOutput out) throws Exception {
        String message = mvc.perform(get("/fault"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.error").value("internal_error"))
                .andReturn().getResponse().getContentAsString();
        String errorId = message.replaceAll(".*错误编号 ([0-9a-f]{8}).*", "$1");
        assertThat(errorId).hasSize(8);
        assertThat(out.getAll()).contains("ERROR").contains("error " + errorId + " on GET /fault")
                .contains("IllegalStateException: pool exhausted");
    }

    @Test
    void exceptionsWithTheirOwnStatusAreLeftToSpring() throws Exception {
        mvc.perform(get("/gone")).andExpect(status().isGone());
    }

    @Test
    void routeInTheLogIsThePatternOrAPlainCutDownPath() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/x/患者张三/" + "a".repeat(200));
        assertThat(ClientErrors.route(request)).startsWith("POST /x/????/aaa").doesNotContain("患者").hasSizeLessThan(90);
        request.setAttribute(org.springframework.web.servlet.HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE,
                "/api/console/chats/{chatId}/messages");
        assertThat(ClientErrors.route(request)).isEqualTo("POST /api/console/chats/{chatId}/messages");
    }
}
