/**
 * The `k`-th smallest of `a[left..right]` by quickselect (Hoare partition, median-of-three
 * pivot), O(right − left) on average. Leaves the range partitioned around `k`: nothing left of
 * `k` is greater than `a[k]` and nothing right of it is smaller, so further ranks can be
 * selected on either side alone. NaN-free input only.
 *
 * @example
 * selectInPlace(Float64Array.of(5, 1, 4, 2), 0, 3, 1); // 2
 */
export function selectInPlace(a: Float64Array, left: number, right: number, k: number): number {
  while (right > left) {
    const mid = (left + right) >> 1;
    if (a[mid] < a[left]) swap(a, mid, left);
    if (a[right] < a[left]) swap(a, right, left);
    if (a[right] < a[mid]) swap(a, right, mid);
    const pivot = a[mid];
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return a[k];
  }
  return a[k];
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}
