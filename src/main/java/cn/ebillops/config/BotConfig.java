package cn.ebillops.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The validated core of bot-config: hospital, people, groups and the bot's display names in WeCom
 * (hospital.yaml). The names let "@助手开票失败", a mention without a space, be told from the text.
 */
public record BotConfig(Hospital hospital, List<Person> people, List<ChatGroup> groups, List<String> botNames) {

    public BotConfig {
        people = List.copyOf(people);
        groups = List.copyOf(groups);
        botNames = botNames == null ? List.of() : List.copyOf(botNames);
    }

    public BotConfig(Hospital hospital, List<Person> people, List<ChatGroup> groups) {
        this(hospital, people, groups, List.of());
    }

    public Person person(String userId) {
        return findPerson(userId).orElseGet(() -> Person.unknown(userId));
    }

    public Optional<Person> findPerson(String userId) {
        return people.stream().filter(p -> p.userId().equals(userId)).findFirst();
    }

    public Optional<ChatGroup> group(String chatId) {
        return groups.stream().filter(g -> g.chatId().equals(chatId)).findFirst();
    }

    public List<Person> withRole(Role role) {
        return people.stream().filter(p -> p.role() == role).toList();
    }

    public Map<String, Person> peopleById() {
        return people.stream().collect(Collectors.toMap(Person::userId, Function.identity()));
    }
}
