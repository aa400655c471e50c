"""pandas.read_csv on a ratings file, the reference `fusionlab-bench load` compares against.

Reads the file the way an analyst would (`pd.read_csv(path, sep=...)`, default dtypes: int64 ids and
timestamps, float64 ratings) and prints one JSON object with the same fields as the benchmark:
rows, mb (file size; MB = 2^20 bytes throughout), s, mb_per_s, peak_rss_mb (the whole process, like FusionLab's), baseline_rss_mb
(the interpreter with pandas imported, before reading) and data_mb (the DataFrame's memory, deep).
"""
import argparse
import json
import os
import sys
import time

import pandas as pd

parser = argparse.ArgumentParser()
parser.add_argument("path")
parser.add_argument("--sep", default=",")
args = parser.parse_args()


def rss_mb():
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent across fork and exec.
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return -1.0


baseline = rss_mb()
size_mb = os.path.getsize(args.path) / 2**20
start = time.perf_counter()
frame = pd.read_csv(args.path, sep=args.sep)
seconds = time.perf_counter() - start
json.dump({
    "rows": int(len(frame)),
    "mb": size_mb,
    "s": seconds,
    "mb_per_s": size_mb / max(seconds, 1e-12),
    "peak_rss_mb": rss_mb(),
    "baseline_rss_mb": baseline,
    "data_mb": float(frame.memory_usage(deep=True).sum()) / 2**20,
    "pandas_version": pd.__version__,
}, sys.stdout)
sys.stdout.write("\n")
