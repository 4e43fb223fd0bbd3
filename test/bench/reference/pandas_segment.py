"""The analysis `segmentkit segment FILE --models rfm,value,kmeans --k 5` does, written the way an
analyst would in pandas + scikit-learn, to time it on this machine. Run by hand, never by the tests:

    /usr/bin/python3 test/bench/reference/pandas_segment.py /tmp/segmentkit-bench/sheet-orders.csv
    /usr/bin/python3 test/bench/reference/pandas_segment.py /tmp/segmentkit-bench/sheet-orders.csv --repeat 5 > test/bench/reference/pandas_segment.json

The second form runs the first in 5 fresh processes, timing each from the outside too (what a
user waits for, interpreter and imports included), and prints what the bench reads.

Steps, as in SegmentKit: read the CSV; one row per customer with recency (days to the day after
the last order), frequency (distinct invoices) and monetary (sum of amount); RFM quintile scores
and the R rfm package's segment rules; ABC value tiers (80 / 15 / 5 % of value) and deciles;
k-means with k=5, n_init=10 on z-scored recency, frequency and log monetary; the silhouette on a
10,000-row sample (SegmentKit's quality check). Prints one JSON line of timings.
"""
import json
import os
import platform
import statistics
import subprocess
import sys
import time

if len(sys.argv) > 3 and sys.argv[2] == "--repeat":
    runs = []
    for _ in range(int(sys.argv[3])):
        started = time.perf_counter()
        out = subprocess.run([sys.executable, __file__, sys.argv[1]], check=True, capture_output=True, text=True).stdout
        run = json.loads(out)
        run["wall"] = round(time.perf_counter() - started, 3)
        runs.append(run)
    walls = [r["wall"] for r in runs]
    import pandas, sklearn  # noqa: E401  (versions for the record)
    print(json.dumps({
        "made": time.strftime("%Y-%m-%d"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "pandas": pandas.__version__, "sklearn": sklearn.__version__},
        "file": os.path.basename(sys.argv[1]),
        "bestWall": min(walls),
        "medianWall": statistics.median(walls),
        "runs": runs,
    }, indent=1))
    sys.exit(0)

T0 = time.perf_counter()
import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import StandardScaler

t0 = time.perf_counter()
imports = t0 - T0
path = sys.argv[1]
orders = pd.read_csv(path, parse_dates=["order_date"])
t_read = time.perf_counter()

as_of = orders["order_date"].max() + pd.Timedelta(days=1)
customers = orders.groupby("customer_id").agg(
    last=("order_date", "max"),
    frequency=("invoice_id", "nunique"),
    monetary=("amount", "sum"),
)
customers["recency"] = (as_of - customers["last"]).dt.days
t_agg = time.perf_counter()

# RFM: quintile scores (recency reversed), ties kept together by ranking first.
def score(values, reverse=False):
    s = pd.qcut(values.rank(method="min"), 5, labels=False, duplicates="drop") + 1
    return 6 - s if reverse else s

r = score(customers["recency"], reverse=True)
f = score(customers["frequency"])
m = score(customers["monetary"])
rules = [
    ("Champions", (r >= 4) & (f >= 4) & (m >= 4)),
    ("Loyal Customers", (r >= 2) & (f >= 3) & (m >= 3)),
    ("Potential Loyalist", (r >= 3) & (f <= 3) & (m <= 3)),
    ("New Customers", (r >= 4) & (f <= 1) & (m <= 1)),
    ("Promising", (r >= 3) & (f <= 1) & (m <= 1)),
    ("Need Attention", (r >= 2) & (r <= 3) & (f >= 2) & (f <= 3) & (m >= 2) & (m <= 3)),
    ("About To Sleep", (r >= 2) & (r <= 3) & (f <= 2) & (m <= 2)),
    ("At Risk", (r <= 2) & (f >= 2) & (m >= 2)),
    ("Can't Lose Them", (r <= 1) & (f >= 4) & (m >= 4)),
    ("Lost", (r <= 2) & (f <= 2) & (m <= 2)),
]
customers["rfm_segment"] = np.select([c for _, c in rules], [n for n, _ in rules], default="Others")
rfm_summary = customers.groupby("rfm_segment").agg(size=("monetary", "size"), value=("monetary", "sum"))
t_rfm = time.perf_counter()

# Value: ABC tiers on the cumulative share of value, deciles.
ordered = customers["monetary"].sort_values(ascending=False)
share = ordered.cumsum() / ordered.sum()
tier = np.where(share.shift(fill_value=0) < 0.80, "A", np.where(share.shift(fill_value=0) < 0.95, "B", "C"))
customers["value_tier"] = pd.Series(tier, index=ordered.index)
customers["value_decile"] = pd.qcut(customers["monetary"].rank(method="first", ascending=False), 10, labels=False) + 1
value_summary = customers.groupby("value_tier").agg(size=("monetary", "size"), value=("monetary", "sum"))
t_value = time.perf_counter()

features = np.column_stack([customers["recency"], customers["frequency"], np.log(customers["monetary"].clip(lower=0.01))])
scaled = StandardScaler().fit_transform(features)
km = KMeans(n_clusters=5, n_init=10, random_state=7).fit(scaled)
t_kmeans = time.perf_counter()
sil = silhouette_score(scaled, km.labels_, sample_size=10_000, random_state=7)
t_end = time.perf_counter()

print(json.dumps({
    "customers": int(len(customers)),
    "rows": int(len(orders)),
    "imports": round(imports, 3),
    "read": round(t_read - t0, 3),
    "aggregate": round(t_agg - t_read, 3),
    "rfm": round(t_rfm - t_agg, 3),
    "value": round(t_value - t_rfm, 3),
    "kmeans": round(t_kmeans - t_value, 3),
    "silhouette": round(t_end - t_kmeans, 3),
    "total": round(t_end - t0, 3),
    "inertia": float(km.inertia_),
    "silhouetteScore": float(sil),
}))
