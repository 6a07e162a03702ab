package dev.parley.adapter.in.web.problem;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The probe of issue 13 (item 8) saw these parser messages in error bodies, internals and all. */
class ParserMessagesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Document nesting depth (1001) exceeds the maximum allowed (1000, from `StreamReadConstraints.getMaxNestingDepth()`) | Request body is nested too deeply
            Failed to convert argument [body] for value [null] due to: Unexpected token START_ARRAY, expected START_OBJECT\\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 2] | Unexpected an array, expected an object
            Duplicate field 'email'\\n at [Source: REDACTED; line: 1, column: 40] | Duplicate field 'email' in request body
            Cannot deserialize value of type `java.lang.String` from Array value (token `JsonToken.START_ARRAY`) | Cannot deserialize value of type String from Array value
            Unexpected character ('}' (code 125)): was expecting double-quote to start field name | Malformed JSON in request body
            must not be blank | must not be blank
            """)
    void parserMessagesKeepOnlyTheirWords(String raw, String plain) {
        assertThat(ParserMessages.plain(raw.replace("\\n", "\n"))).isEqualTo(plain);
    }
}
