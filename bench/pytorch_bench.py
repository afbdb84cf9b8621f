#!/usr/bin/python3
"""PyTorch counterpart of `java -jar target/gradlab.jar bench`: the same four workloads, one thread, float64.

Run: /usr/bin/python3 bench/pytorch_bench.py   (PyTorch 1.13 CPU). Prints one JSON object like the Java command.
Debian's PyTorch uses whatever libblas.so.3 the system selects (the reference BLAS unless OpenBLAS is installed);
to measure it with OpenBLAS without changing the system's choice (apt-get install libopenblas0-pthread, then keep
the alternative on the reference BLAS if you like):

    LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-pthread OPENBLAS_NUM_THREADS=1 \
        /usr/bin/python3 bench/pytorch_bench.py

The "blas" field of the output names the library that was actually loaded.
Rates are per second of this thread's CPU time (time.thread_time), the median of 5 rounds after a warm-up,
so other programs sharing the machine's cores do not count against either side.
"""
import json
import platform
import sys
import time

import torch

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)
torch.manual_seed(0)

ROUNDS = 5
ROUND_SECONDS = 0.4
WARMUP_SECONDS = 1.5


def scalar():
    x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    opt = torch.optim.SGD([x], lr=0.01)

    def step():
        opt.zero_grad()
        (x ** 2).sum().backward()
        opt.step()
    return step


def mlp_of(sizes, act):
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(torch.nn.Linear(sizes[i], sizes[i + 1]))
        if i + 2 < len(sizes):
            layers.append(act())
    return torch.nn.Sequential(*layers)


def tiny():
    model = mlp_of([2, 8, 8, 1], torch.nn.Tanh)
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    x = torch.randn(10, 2)
    y = torch.randn(10, 1)
    loss_fn = torch.nn.MSELoss()

    def step():
        opt.zero_grad()
        loss_fn(model(x), y).backward()
        opt.step()
    return step


def mlp():
    model = mlp_of([784, 128, 10], torch.nn.ReLU)
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    x = torch.rand(64, 784)
    y = torch.randint(0, 10, (64,))
    loss_fn = torch.nn.CrossEntropyLoss()

    def step():
        opt.zero_grad()
        loss_fn(model(x), y).backward()
        opt.step()
    return step


def evaluate():
    model = mlp_of([784, 128, 10], torch.nn.ReLU)
    model.eval()
    x = torch.rand(1000, 784)

    def step():
        with torch.no_grad():
            model(x).argmax(1)
    return step


def measure(work):
    end = time.perf_counter() + WARMUP_SECONDS
    while time.perf_counter() < end:
        work()
    rates = []
    for _ in range(ROUNDS):
        start = time.thread_time()
        calls = 0
        while True:
            for _ in range(8):
                work()
            calls += 8
            now = time.thread_time()
            if now - start >= ROUND_SECONDS:
                break
        rates.append(calls / (now - start))
    rates.sort()
    return rates[ROUNDS // 2]


def blas_library():
    """The BLAS shared library mapped into this process (after torch has done a matrix product)."""
    torch.ones(2, 2) @ torch.ones(2, 2)
    try:
        with open("/proc/self/maps") as maps:
            libs = {line.split()[-1] for line in maps if "blas" in line.lower() and "/" in line}
        return sorted(libs)
    except OSError:
        return []


def main():
    out = {
        "singleThreaded": True,
        "threads": torch.get_num_threads(),
        "torch": torch.__version__,
        "python": sys.version.split()[0],
        "machine": platform.processor() or platform.machine(),
        "blas": blas_library(),
        "unit": "steps per second (eval: passes per second) of thread CPU time, median of 5 rounds after warm-up",
        "workloads": {},
    }
    for name, make in [("scalar", scalar), ("tiny", tiny), ("mlp", mlp), ("eval", evaluate)]:
        key = "passesPerSecond" if name == "eval" else "stepsPerSecond"
        out["workloads"][name] = {key: round(measure(make()))}
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
