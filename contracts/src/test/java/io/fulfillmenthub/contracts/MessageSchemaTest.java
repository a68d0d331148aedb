package io.fulfillmenthub.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Holds the records and their published JSON Schemas together: a record whose shape changes no longer
 * matches its committed schema, and the build says so. An intended change is a new version
 * ({@code .v2}); to write the schemas anew run {@code ./mvnw -pl contracts test -Dcontracts.writeSchemas=true}.
 */
class MessageSchemaTest {

    private static final Path SCHEMA_SOURCES = Path.of("src/main/resources/schemas");
    private static final JsonSchemaFactory VALIDATORS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private final SchemaGenerator generator = new SchemaGenerator(schemaConfig());

    @Test
    void everyTypeHasASampleAndAUniqueVersionedName() {
        assertThat(ContractSamples.ALL.keySet()).containsExactlyInAnyOrderElementsOf(MessageTypes.ALL);
        assertThat(MessageTypes.ALL).extracting(MessageType::ceType)
                .doesNotHaveDuplicates()
                .allMatch(type -> type.matches("hub\\.(fact|command|order)\\.[a-z]+(-[a-z]+)*\\.v[0-9]+"));
        assertThat(MessageTypes.ALL).extracting(MessageType::topic).allMatch(topic ->
                Topics.ALL.stream().anyMatch(spec -> spec.name().equals(topic)));
    }

    @Test
    void everySchemaFileBelongsToAType() throws IOException {
        Set<String> expected = MessageTypes.ALL.stream().map(MessageType::schemaFile).collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(SCHEMA_SOURCES)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @TestFactory
    Stream<DynamicTest> recordsMatchTheirPublishedSchemas() {
        return MessageTypes.ALL.stream().map(type -> DynamicTest.dynamicTest(type.ceType(), () -> {
            String generated = HubJson.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(generator.generateSchema(type.dataClass())) + "\n";
            Path file = SCHEMA_SOURCES.resolve(type.schemaFile());
            if (Boolean.getBoolean("contracts.writeSchemas")) {
                Files.writeString(file, generated);
            }
            assertThat(Files.exists(file)).as("schema file %s", file).isTrue();
            assertThat(Files.readString(file))
                    .as("%s no longer matches %s: a shape change is a new version", type.dataClass().getName(), file)
                    .isEqualTo(generated);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyTypeRoundTripsThroughJsonAndIsValidAgainstItsSchema() {
        return MessageTypes.ALL.stream().map(type -> DynamicTest.dynamicTest(type.ceType(), () -> {
            HubMessage sample = ContractSamples.ALL.get(type);
            byte[] json = HubJson.write(sample);

            assertThat(publishedSchema(type).validate(HubJson.mapper().readTree(json))).isEmpty();
            assertThat(HubJson.read(json, type.dataClass())).isEqualTo(sample);
        }));
    }

    @TestFactory
    Stream<DynamicTest> aMessageWithoutARequiredFieldIsRefusedByTheSchemaAndTheRecord() {
        return MessageTypes.ALL.stream().map(type -> DynamicTest.dynamicTest(type.ceType(), () -> {
            JsonSchema schema = publishedSchema(type);
            JsonNode complete = HubJson.mapper().valueToTree(ContractSamples.ALL.get(type));
            List<String> required = new ArrayList<>();
            schema.getSchemaNode().path("required").forEach(name -> required.add(name.asText()));
            assertThat(required).contains("hubOrderId");

            for (String field : required) {
                ObjectNode incomplete = complete.deepCopy();
                incomplete.remove(field);
                Set<ValidationMessage> errors = schema.validate(incomplete);
                assertThat(errors).as("schema error for missing %s", field)
                        .anySatisfy(error -> assertThat(error.getMessage()).contains(field));
                assertThatThrownBy(() -> HubJson.read(HubJson.mapper().writeValueAsBytes(incomplete), type.dataClass()))
                        .as("reading %s without %s", type.dataClass().getSimpleName(), field)
                        .isInstanceOf(HubJson.InvalidMessageException.class)
                        .hasMessageContaining(field);
            }
        }));
    }

    private static JsonSchema publishedSchema(MessageType<?> type) throws IOException {
        try (InputStream in = MessageSchemaTest.class.getResourceAsStream("/schemas/" + type.schemaFile())) {
            assertThat(in).as("schemas/%s on the classpath", type.schemaFile()).isNotNull();
            return VALIDATORS.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static com.github.victools.jsonschema.generator.SchemaGeneratorConfig schemaConfig() {
        SchemaGeneratorConfigBuilder builder = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON)
                .with(new JacksonModule())
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT);
        // a record component is required unless its type is marked @Nullable
        builder.forFields().withRequiredCheck(field -> field.getRawMember().getAnnotatedType()
                .getAnnotation(Nullable.class) == null);
        return builder.build();
    }
}
