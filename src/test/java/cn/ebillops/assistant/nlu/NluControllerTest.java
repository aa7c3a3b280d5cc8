package cn.ebillops.assistant.nlu;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The REST endpoint over the real classifier (shared model), in a web slice. Without the security
 * filters: who may call it is the whole application's concern (EveryRouteWithoutLoginTest).
 */
@WebMvcTest(NluController.class)
@AutoConfigureMockMvc(addFilters = false)
class NluControllerTest {

    @TestConfiguration
    static class RealClassifier {
        @Bean
        MessageClassifier messageClassifier() {
            return TestClassifiers.shared();
        }
    }

    @Autowired
    MockMvc mvc;

    private org.springframework.test.web.servlet.ResultActions classify(String json) throws Exception {
        return mvc.perform(post("/api/nlu/classify").contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void classifiesAFaultWithSeverityAreaAndConfidence() throws Exception {
        classify("{\"text\":\"签名服务器连不上了，全部开不了票\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intent").value("FAULT_REPORT"))
                .andExpect(jsonPath("$.severity").value("II"))
                .andExpect(jsonPath("$.area").value("SIGNING"))
                .andExpect(jsonPath("$.confidence").isNumber());
    }

    @Test
    void nonFaultHasNullSeverityAndArea() throws Exception {
        classify("{\"text\":\"元旦谁值班\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intent").value("DUTY_QUERY"))
                .andExpect(jsonPath("$.severity").doesNotExist())
                .andExpect(jsonPath("$.area").doesNotExist());
    }

    @Test
    void missingTextIsABadRequestWithAChineseMessage() throws Exception {
        classify("{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("missing_text"))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("请提供")));
    }

    @Test
    void oversizedTextIsABadRequest() throws Exception {
        classify("{\"text\":\"" + "慢".repeat(NluController.MAX_TEXT + 1) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("text_too_long"))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("消息过长")));
    }

    @Test
    void malformedJsonIsABadRequest() throws Exception {
        classify("not json")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("bad_request"));
    }
}
