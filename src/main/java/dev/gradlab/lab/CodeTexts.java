package dev.gradlab.lab;

import java.util.Locale;
import java.util.Map;

/**
 * The comments GradLab writes into PyTorch code, in English or Traditional Chinese (any Chinese locale): the single
 * source for the Lab's code panel ({@link PyTorchCode}) and the exported scripts ({@code export}), which depends on
 * this package and not the other way round.
 */
public final class CodeTexts {

    private static final Map<String, String[]> TEXTS = Map.ofEntries(
            Map.entry("header", new String[] {
                "Exported from GradLab. Needs only Python 3 and PyTorch; run it with: python3 %s",
                "由 GradLab 匯出。只需要 Python 3 與 PyTorch；執行方式：python3 %s"
            }),
            Map.entry("prints", new String[] {
                "It prints the same JSON document as: java -jar gradlab.jar run %s",
                "它印出的 JSON 文件與這個指令相同：java -jar gradlab.jar run %s"
            }),
            Map.entry("float64", new String[] {"float64 everywhere, as GradLab computes", "全部使用 float64，和 GradLab 的計算一致"
            }),
            Map.entry("params", new String[] {
                "The parameters: every strategy starts from these same values.", "參數：每一種策略都從這些相同的值開始。"
            }),
            Map.entry("manualBatches", new String[] {
                "What each batch's backward() adds into .grad (a manual scenario gives it instead of a loss).",
                "每個批次的 backward() 加進 .grad 的梯度（手動情境直接給出梯度，而不是損失）。"
            }),
            Map.entry(
                    "manualBackward",
                    new String[] {"backward() adds into .grad, it never overwrites it", "backward() 會加進 .grad，從不覆蓋它"}),
            Map.entry("data", new String[] {
                "The data, cut into batches of BATCH_SIZE rows in order (the last batch may be shorter).",
                "資料依序切成每批 BATCH_SIZE 筆（最後一批可能比較短）。"
            }),
            Map.entry("noData", new String[] {"No data: every batch evaluates the same loss.", "沒有資料：每個批次計算的都是同一個損失。"}),
            Map.entry("loss", new String[] {"The loss, as written in the scenario:", "損失函數，與情境檔裡寫的相同："}),
            Map.entry(
                    "lossDivided",
                    new String[] {"accumulate-K: backward() of loss / K", "accumulate-K：對 loss / K 呼叫 backward()"}),
            Map.entry("train", new String[] {
                "One strategy's run. The strategies differ only in the lines marked with <<<.",
                "一種策略的訓練。各策略之間只有標著 <<< 的那幾行不同。"
            }),
            Map.entry("inBuffer", new String[] {"how many batches' gradients .grad holds now", "目前 .grad 裡累加了幾個批次的梯度"}),
            Map.entry("zeroed", new String[] {
                "zeroed: the correct loop, zero_grad() before every batch <<<", "zeroed：正確的迴圈，每個批次之前呼叫 zero_grad() <<<"
            }),
            Map.entry("summed", new String[] {
                "summed: zero_grad() forgotten, so .grad is the sum of every batch so far (no line here)",
                "summed：忘了 zero_grad()，所以 .grad 是到目前為止所有批次的總和（這裡沒有任何一行）"
            }),
            Map.entry("when", new String[] {
                "accumulate-K steps after every K-th batch of an epoch and after its last batch <<<",
                "accumulate-K 在每個 epoch 的第 K、2K、… 批以及最後一批之後才更新 <<<"
            }),
            Map.entry("averaged", new String[] {
                "averaged: the optimizer is handed .grad / t, t = the batches in .grad <<<",
                "averaged：交給優化器的是 .grad / t，t 是 .grad 裡的批次數 <<<"
            }),
            Map.entry("zeroAfter", new String[] {
                "accumulate-K: zero_grad() right after the step <<<", "accumulate-K：更新之後立刻 zero_grad() <<<"
            }),
            Map.entry("diverged", new String[] {
                "from the first step with NaN or infinity on, no value is shown", "從第一個出現 NaN 或無限大的步驟開始，不再顯示任何數值"
            }),
            Map.entry("stepWith", new String[] {
                "optimizer.step() with the handed gradients; .grad keeps what backward() put there",
                "用交給它的梯度執行 optimizer.step()；.grad 仍保留 backward() 放進去的值"
            }),
            Map.entry("norms", new String[] {
                "more than 1,000 weights: each step shows one L2 norm per tensor instead of every value",
                "超過 1,000 個權重：每一步只列出每個張量的 L2 範數，而不是每一個值"
            }),
            Map.entry("points", new String[] {
                "The %s data set exactly as GradLab generated and split it: points and labels.",
                "GradLab 產生並切分的 %s 資料集，原封不動：座標與類別。"
            }),
            Map.entry("idx", new String[] {
                "One IDX file (plain or .gz): its numbers as a tensor of bytes, one row per example.",
                "讀一個 IDX 檔（未壓縮或 .gz）：內容是位元組張量，每個樣本一列。"
            }),
            Map.entry("folder", new String[] {
                "FOLDER holds the four IDX files, e.g. GradLab's src/main/resources/datasets/fashion-mnist",
                "FOLDER 內放四個 IDX 檔，例如 GradLab 的 src/main/resources/datasets/fashion-mnist"
            }),
            Map.entry("orders", new String[] {
                "The training examples' order in every epoch (GradLab reshuffles from the seed each epoch).",
                "每個 epoch 訓練樣本的順序（GradLab 每個 epoch 依種子重新洗牌）。"
            }),
            Map.entry("weights", new String[] {
                "The initial weights and biases GradLab drew from the seed; every strategy starts from them.",
                "GradLab 依種子抽出的初始權重與偏差；每一種策略都從它們開始。"
            }),
            Map.entry("dropout", new String[] {
                "PyTorch draws other random numbers here, so the numbers will differ from GradLab's",
                "PyTorch 在這裡抽的亂數不同，所以數值會和 GradLab 的不一樣"
            }),
            Map.entry("evaluate", new String[] {
                "The evaluation loop: eval mode, no_grad, mean loss and accuracy over the test set.",
                "評估迴圈：eval 模式、no_grad，計算測試集上的平均損失與準確率。"
            }),
            Map.entry("stops", new String[] {"a diverged run stops", "發散的訓練就此停止"}),
            Map.entry("output", new String[] {
                "The same layout as GradLab's run command: one step per line.", "與 GradLab 的 run 指令相同的格式：每一步一行。"
            }),
            // the Lab's code panel (PyTorchCode)
            Map.entry("noneGrad", new String[] {
                "zero_grad() sets .grad to None (PyTorch >= 2)", "zero_grad() 會把 .grad 設為 None（PyTorch 2 起）"
            }),
            Map.entry(
                    "givenGrads",
                    new String[] {"what each batch's backward() adds to .grad", "每個批次的 backward() 加進 .grad 的梯度"}),
            Map.entry("sameLoss", new String[] {"no data: the same loss each time", "沒有資料：每次都是同一個損失"}),
            Map.entry("standIn", new String[] {"stand-in loss: its gradient is the given one", "代用的損失：它的梯度正是給定的梯度"}),
            Map.entry(
                    "noZeroGrad",
                    new String[] {"no zero_grad(): .grad sums every batch", "沒有 zero_grad()：.grad 會累加每一個批次"}),
            Map.entry("batchesSummed", new String[] {"batches summed in .grad", ".grad 裡累加的批次數"}),
            Map.entry("notRecorded", new String[] {"not recorded in a graph", "不記錄到計算圖裡"}));

    private final int index;

    public CodeTexts(Locale locale) {
        this.index = locale.getLanguage().equals("zh") ? 1 : 0;
    }

    /** The text of {@code key}, formatted with {@code args}. */
    public String get(String key, Object... args) {
        String[] t = TEXTS.get(key);
        if (t == null) {
            throw new IllegalArgumentException("no script text '" + key + "'");
        }
        return args.length == 0 ? t[index] : String.format(Locale.ROOT, t[index], args);
    }
}
