package dev.switchboard.routing.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real-looking reports: the same problem on two channels, and different problems of one customer. */
class SameProblemTextTest {
    private static final double THRESHOLD = 0.8;

    @ParameterizedTest(name = "same problem: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Hi, my router X2 keeps dropping wifi every evening since the update. Regards, Peter | my router x2 keeps dropping wifi every evening since the update
            Hello support,\\nthe app crashes when I open the camera on my Pixel 8.\\n\\nThanks!\\nAnna | the app crashes when I open the camera on my pixel 8
            Dear team, I was charged twice for my March invoice, order 4711. Kind regards, Jan de Vries | I was charged twice for my march invoice order 4711!!
            Guten Tag,\\nmein Router verliert jeden Abend die WLAN-Verbindung.\\nMit freundlichen Grüßen\\nKlaus | mein router verliert jeden abend die wlan verbindung
            I cannot log in since I reset my password yesterday, it says account locked | cant log in since i reset my password yesterday, says account locked
            Hi! My router X2 keeps droping wifi every evening since the update\\n\\n-- \\nPeter Jansen\\nACME Ltd | my router x2 keeps dropping the wifi every evening since the update
            Printer P500 shows error E42 after the firmware update, nothing prints anymore.\\n\\nOn Mon, 3 Nov 2026, Support wrote:\\n> Dear customer,\\n> thanks | printer p500 shows error e42 after the firmware update nothing prints anymore
            """)
    void theSameReportOnTwoChannelsIsADuplicate(String email, String chat) {
        assertThat(similarity(email, chat)).isGreaterThanOrEqualTo(THRESHOLD);
    }

    @ParameterizedTest(name = "different problems: {0} / {1}")
    @CsvSource(delimiter = '|', textBlock = """
            my router keeps dropping wifi | how do I change my invoice address
            my router x2 keeps dropping wifi every evening since the update | I was charged twice for my router x2 on this month's invoice
            the app crashes when I open the camera on my pixel 8 | how do I export my contacts from the app to a csv file
            Printer P500 shows error E42 after the firmware update | Can you send me a quote for 20 extra toner cartridges for the P500
            I cannot log in since I reset my password yesterday | please cancel my subscription at the end of the month
            mein Router verliert jeden Abend die WLAN-Verbindung | Ich möchte meine Rechnungsadresse ändern
            my router x2 keeps dropping wifi every evening | my router x2 needs a new power adapter, the old one broke
            The printer shows error 42 when printing | The scanner shows error 17 when scanning
            """)
    void differentProblemsOfOneCustomerAreNotDuplicates(String first, String second) {
        assertThat(similarity(first, second)).isLessThan(THRESHOLD);
    }

    private static double similarity(String a, String b) {
        return TextSimilarity.cosine(TextNormaliser.normalise(unescape(a)), TextNormaliser.normalise(unescape(b)));
    }

    private static String unescape(String s) {
        return s.replace("\\n", "\n");
    }
}
