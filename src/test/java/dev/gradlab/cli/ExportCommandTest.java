package dev.gradlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExportCommandTest {

    private static void assertOneLineError(CliRun r, String expected) {
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).endsWith("\n");
        String line = r.err().substring(0, r.err().length() - 1);
        assertThat(line).doesNotContain("\n").doesNotContain("Exception").contains(expected);
    }

    @Test
    void the_yaml_of_a_built_in_is_printed_by_its_id() throws Exception {
        CliRun r = CliRun.of("export", "--format", "yaml", "gd-by-hand");
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo(Files.readString(Path.of("src/main/resources/scenarios/gd-by-hand.yaml")));
    }

    @Test
    void a_file_is_exported_as_csv_with_its_own_steps(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("two.yaml");
        Files.writeString(
                file,
                "id: two\ntitle: Two\nkind: manual\nlearningRate: 0.5\nstrategies: [summed]\n"
                        + "params: {a: 1}\ngradients:\n  - {a: 4}\n  - {a: 2}\n");
        CliRun r = CliRun.of("export", file.toString(), "--format", "csv");
        assertThat(r.status()).isZero();
        // summed: .grad 4 then 6; a = 1 - 0.5*4 = -1, then -1 - 0.5*6 = -4
        assertThat(r.out())
                .isEqualTo("strategy,step,epoch,batch,loss,a.grad,a.applied,a\r\n"
                        + "summed,1,1,1,,4.0,4.0,-1.0\r\nsummed,2,1,2,,6.0,6.0,-4.0\r\n");
    }

    @Test
    void the_pytorch_comments_follow_the_lang_option() {
        CliRun zh = CliRun.of("export", "--format", "pytorch", "--lang", "zh-TW", "accumulate-x-squared");
        assertThat(zh.status()).isZero();
        assertThat(zh.out()).contains("# backward() 會累加到 .grad").contains("STRATEGIES = [\"zeroed\", \"summed\"]");
        CliRun en = CliRun.of("export", "--format", "pytorch", "accumulate-x-squared");
        assertThat(en.out()).contains("# backward() adds into .grad");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "no arguments | | usage: gradlab export --format yaml|csv|pytorch",
                "no format | gd-by-hand | usage: gradlab export",
                "unknown format | --format xml gd-by-hand | unknown format 'xml' (formats: yaml, csv, pytorch)",
                "unknown language | --format pytorch --lang fr gd-by-hand | unknown language 'fr' (languages: en, zh-TW)",
                "two targets | --format yaml gd-by-hand other | usage: gradlab export",
                "unknown option | --format yaml --quick gd-by-hand | usage: gradlab export",
                "no such file or id | --format yaml no-such-thing | no-such-thing: no such file, and no built-in scenario has this id (built-ins: ",
            })
    void bad_arguments_give_status_two_and_one_line(String what, String args, String expected) {
        String[] words = args == null ? new String[0] : args.trim().split("\\s+");
        String[] all = new String[words.length + 1];
        all[0] = "export";
        System.arraycopy(words, 0, all, 1, words.length);
        assertOneLineError(CliRun.of(all), expected);
    }

    @Test
    void a_broken_scenario_file_gives_the_parsers_one_line(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, "id: broken\nkind: manual\n", StandardCharsets.UTF_8);
        CliRun r = CliRun.of("export", "--format", "pytorch", file.toString());
        assertOneLineError(r, file.toString());
    }
}
