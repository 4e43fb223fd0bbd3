"""scikit-learn's KMeans on the k-means bench's rows, for the targets in test/bench/kmeans.bench.ts.

Usage (Debian's python3-sklearn python3-pandas):
  npx tsx test/bench/reference/writeKmeansBenchCsv.ts /tmp/km1m.csv
  /usr/bin/python3 test/bench/reference/kmeans_timing.py /tmp/km1m.csv
The 125,000-row case is the first 125,000 rows (the generator draws row by row).
"""
import sys
import time

import numpy as np
import pandas as pd
import sklearn
import threadpoolctl
from sklearn.cluster import KMeans
from sklearn.preprocessing import StandardScaler

df = pd.read_csv(sys.argv[1] if len(sys.argv) > 1 else 'km1m.csv')
df['monetary'] = np.log1p(df['monetary'])
info = threadpoolctl.threadpool_info()
print('scikit-learn', sklearn.__version__, 'threads', info[0].get('num_threads') if info else None)
for n in (125_000, 1_048_576):
    X = StandardScaler().fit_transform(df[['recency', 'frequency', 'monetary']].values[:n])
    for n_init in (1, 10):
        times = []
        for _ in range(3):
            t = time.perf_counter()
            km = KMeans(n_clusters=5, n_init=n_init, random_state=7).fit(X)
            times.append(time.perf_counter() - t)
        print(n, 'n_init', n_init, 'seconds', [round(x, 3) for x in times], 'iterations', km.n_iter_, 'inertia', round(km.inertia_, 1))
