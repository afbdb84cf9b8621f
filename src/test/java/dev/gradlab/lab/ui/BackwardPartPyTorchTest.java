package dev.gradlab.lab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The no_grad lesson quotes PyTorch's error word for word: asked of real PyTorch (skipped without torch). */
class BackwardPartPyTorchTest {

    private static final String PYTHON = "/usr/bin/python3";

    @Test
    void the_quoted_error_is_what_pytorch_raises_for_backward_on_a_no_grad_loss() throws Exception {
        assumeTrue(new File(PYTHON).canExecute(), "no " + PYTHON);
        String script = String.join(
                "\n",
                "try:",
                "    import torch",
                "except ImportError:",
                "    print('NO_TORCH'); raise SystemExit",
                "with torch.no_grad():",
                "    loss = (torch.ones(3, requires_grad=True) * 2).sum()",
                "try:",
                "    loss.backward()",
                "except RuntimeError as e:",
                "    print(type(e).__name__ + ': ' + str(e))");
        Process p = new ProcessBuilder(PYTHON, "-c", script)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assumeTrue(!out.equals("NO_TORCH"), "PyTorch is not installed for " + PYTHON);
        assertThat(out).isEqualTo(BackwardPart.PYTORCH_ERROR);
    }
}
