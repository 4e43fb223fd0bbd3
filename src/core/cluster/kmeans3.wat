;; SegmentKit's k-means kernel for three features (recency, frequency, monetary is the common
;; case), in WebAssembly with 128-bit SIMD. It does the passes over every row — the k-means++
;; seeding, the first assignment, Hamerly's bounded assignment and the inertia — and leaves the
;; few-number steps (moving centres, bound drops, empty clusters) to TypeScript.
;;
;; Every result must equal the TypeScript loops in seedKmeansPlusPlus.ts and kmeansSingleInit.ts
;; to the bit, so each floating-point sum is formed in their order: a squared distance is
;; ((e0·e0 + e1·e1) + e2·e2), a running sum adds rows in row order, and "the nearer of two" is
;; the comparison's pick (f64x2.pmin and v128.bitselect choose without a branch, as the
;; TypeScript's 0/1 weights do). Lanes hold two rows, or two candidates, never two parts of one
;; sum.
;;
;; Layout (all addresses in bytes, chosen by kmeans3Kernel.ts): rows are three f64 each, with
;; room for one row more so a pair load at an odd end stays inside; per-row arrays likewise have
;; one spare element. Centres come twice: plain (k × 3 f64) and splatted (k × 3 v128, each
;; coordinate in both lanes).
;;
;; Built into kmeans3Wasm.ts by `npm run build:wasm` (src/build/buildWasm.ts); a test checks the
;; two agree.
(module
  (memory (export "memory") 1)

  ;; Coordinates of two consecutive rows at $b, as (row0, row1) per feature.
  ;; The 48 bytes r0x0 r0x1 | r0x2 r1x0 | r1x1 r1x2 are shuffled into lanes by feature.

  ;; closest[i] = dist(row i, row j)² (first pass) or the nearer of it and closest[i]; returns
  ;; their running sum, written to cumulative[i] (seedKmeansPlusPlus's updateNearest).
  (func (export "seedPass") (param $data i32) (param $n i32) (param $j i32) (param $closest i32) (param $cum i32) (param $first i32) (result f64)
    (local $i i32) (local $b i32) (local $p0 v128) (local $p1 v128) (local $p2 v128)
    (local $y0 v128) (local $y1 v128) (local $y2 v128) (local $e v128) (local $dist v128) (local $m v128)
    (local $mask v128) (local $running f64) (local $next f64) (local $yb i32)
    (local.set $yb (i32.add (local.get $data) (i32.mul (local.get $j) (i32.const 24))))
    (local.set $y0 (v128.load64_splat (local.get $yb)))
    (local.set $y1 (v128.load64_splat offset=8 (local.get $yb)))
    (local.set $y2 (v128.load64_splat offset=16 (local.get $yb)))
    (local.set $mask (i64x2.splat (i64.extend_i32_u (local.get $first))))
    (local.set $mask (i64x2.neg (local.get $mask)))
    (local.set $b (local.get $data))
    (block $done (loop $rows
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $p0 (v128.load (local.get $b)))
      (local.set $p1 (v128.load offset=16 (local.get $b)))
      (local.set $p2 (v128.load offset=32 (local.get $b)))
      (local.set $e (f64x2.sub (i8x16.shuffle 0 1 2 3 4 5 6 7 24 25 26 27 28 29 30 31 (local.get $p0) (local.get $p1)) (local.get $y0)))
      (local.set $dist (f64x2.mul (local.get $e) (local.get $e)))
      (local.set $e (f64x2.sub (i8x16.shuffle 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 (local.get $p0) (local.get $p2)) (local.get $y1)))
      (local.set $dist (f64x2.add (local.get $dist) (f64x2.mul (local.get $e) (local.get $e))))
      (local.set $e (f64x2.sub (i8x16.shuffle 0 1 2 3 4 5 6 7 24 25 26 27 28 29 30 31 (local.get $p1) (local.get $p2)) (local.get $y2)))
      (local.set $dist (f64x2.add (local.get $dist) (f64x2.mul (local.get $e) (local.get $e))))
      ;; pmin(near, dist) = dist < near ? dist : near; the first pass takes dist as it is.
      (local.set $m (v128.bitselect
        (local.get $dist)
        (f64x2.pmin (v128.load (i32.add (local.get $closest) (i32.shl (local.get $i) (i32.const 3)))) (local.get $dist))
        (local.get $mask)))
      (v128.store (i32.add (local.get $closest) (i32.shl (local.get $i) (i32.const 3))) (local.get $m))
      (local.set $running (f64.add (local.get $running) (f64x2.extract_lane 0 (local.get $m))))
      (f64.store (i32.add (local.get $cum) (i32.shl (local.get $i) (i32.const 3))) (local.get $running))
      ;; The second row of a pair past the end only writes into the spare element.
      (local.set $next (f64.add (local.get $running) (f64x2.extract_lane 1 (local.get $m))))
      (f64.store offset=8 (i32.add (local.get $cum) (i32.shl (local.get $i) (i32.const 3))) (local.get $next))
      (local.set $running (select (local.get $next) (local.get $running) (i32.lt_u (i32.add (local.get $i) (i32.const 1)) (local.get $n))))
      (local.set $b (i32.add (local.get $b) (i32.const 48)))
      (local.set $i (i32.add (local.get $i) (i32.const 2)))
      (br $rows)))
    (local.get $running))

  ;; Potentials of four candidates: out[q] = Σ over rows of min(closest, dist(row, candidate q)²),
  ;; each summed in row order (seedKmeansPlusPlus's scoreCandidates). $cand holds six v128:
  ;; coordinates 0, 1, 2 of candidates (0, 1), then of candidates (2, 3).
  (func (export "score") (param $data i32) (param $n i32) (param $closest i32) (param $cand i32) (param $out i32)
    (local $i i32) (local $b i32) (local $x0 v128) (local $x1 v128) (local $x2 v128) (local $near v128)
    (local $e v128) (local $d01 v128) (local $d23 v128) (local $p01 v128) (local $p23 v128)
    (local $a01 v128) (local $b01 v128) (local $c01 v128) (local $a23 v128) (local $b23 v128) (local $c23 v128)
    (local.set $a01 (v128.load (local.get $cand)))
    (local.set $b01 (v128.load offset=16 (local.get $cand)))
    (local.set $c01 (v128.load offset=32 (local.get $cand)))
    (local.set $a23 (v128.load offset=48 (local.get $cand)))
    (local.set $b23 (v128.load offset=64 (local.get $cand)))
    (local.set $c23 (v128.load offset=80 (local.get $cand)))
    (local.set $b (local.get $data))
    (block $done (loop $rows
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $x0 (v128.load64_splat (local.get $b)))
      (local.set $x1 (v128.load64_splat offset=8 (local.get $b)))
      (local.set $x2 (v128.load64_splat offset=16 (local.get $b)))
      (local.set $near (v128.load64_splat (i32.add (local.get $closest) (i32.shl (local.get $i) (i32.const 3)))))
      (local.set $e (f64x2.sub (local.get $x0) (local.get $a01)))
      (local.set $d01 (f64x2.mul (local.get $e) (local.get $e)))
      (local.set $e (f64x2.sub (local.get $x1) (local.get $b01)))
      (local.set $d01 (f64x2.add (local.get $d01) (f64x2.mul (local.get $e) (local.get $e))))
      (local.set $e (f64x2.sub (local.get $x2) (local.get $c01)))
      (local.set $d01 (f64x2.add (local.get $d01) (f64x2.mul (local.get $e) (local.get $e))))
      (local.set $p01 (f64x2.add (local.get $p01) (f64x2.pmin (local.get $near) (local.get $d01))))
      (local.set $e (f64x2.sub (local.get $x0) (local.get $a23)))
      (local.set $d23 (f64x2.mul (local.get $e) (local.get $e)))
      (local.set $e (f64x2.sub (local.get $x1) (local.get $b23)))
      (local.set $d23 (f64x2.add (local.get $d23) (f64x2.mul (local.get $e) (local.get $e))))
      (local.set $e (f64x2.sub (local.get $x2) (local.get $c23)))
      (local.set $d23 (f64x2.add (local.get $d23) (f64x2.mul (local.get $e) (local.get $e))))
      (local.set $p23 (f64x2.add (local.get $p23) (f64x2.pmin (local.get $near) (local.get $d23))))
      (local.set $b (i32.add (local.get $b) (i32.const 24)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $rows)))
    (v128.store (local.get $out) (local.get $p01))
    (v128.store offset=16 (local.get $out) (local.get $p23)))

  ;; Nearest and second-nearest squared distances of two rows (lanes) over the k splatted
  ;; centres at $cs: the nearest centre's number goes to global $bestC, the second distance to
  ;; $second, in kmeansSingleInit's nearestTwo3 order (strict comparisons, ties to the lower
  ;; number).
  (global $bestC (mut v128) (v128.const i64x2 0 0))
  (global $second (mut v128) (v128.const i64x2 0 0))
  (func $nearestTwo (param $x0 v128) (param $x1 v128) (param $x2 v128) (param $cs i32) (param $k i32)
    (local $o i32) (local $end i32) (local $e v128) (local $s v128) (local $lt v128)
    (local $best v128) (local $second v128) (local $bestC v128) (local $c v128)
    (local.set $best (f64x2.splat (f64.const inf)))
    (local.set $second (f64x2.splat (f64.const inf)))
    (local.set $o (local.get $cs))
    (local.set $end (i32.add (local.get $cs) (i32.mul (local.get $k) (i32.const 48))))
    (loop $centres
      (local.set $e (f64x2.sub (local.get $x0) (v128.load (local.get $o))))
      (local.set $s (f64x2.mul (local.get $e) (local.get $e)))
      (local.set $e (f64x2.sub (local.get $x1) (v128.load offset=16 (local.get $o))))
      (local.set $s (f64x2.add (local.get $s) (f64x2.mul (local.get $e) (local.get $e))))
      (local.set $e (f64x2.sub (local.get $x2) (v128.load offset=32 (local.get $o))))
      (local.set $s (f64x2.add (local.get $s) (f64x2.mul (local.get $e) (local.get $e))))
      (local.set $lt (f64x2.lt (local.get $s) (local.get $best)))
      ;; second = s < best ? best : (s < second ? s : second); best = s < best ? s : best
      (local.set $second (v128.bitselect (local.get $best) (f64x2.pmin (local.get $second) (local.get $s)) (local.get $lt)))
      (local.set $best (v128.bitselect (local.get $s) (local.get $best) (local.get $lt)))
      (local.set $bestC (v128.bitselect (local.get $c) (local.get $bestC) (local.get $lt)))
      (local.set $c (i64x2.add (local.get $c) (v128.const i64x2 1 1)))
      (local.set $o (i32.add (local.get $o) (i32.const 48)))
      (br_if $centres (i32.lt_u (local.get $o) (local.get $end))))
    (global.set $bestC (local.get $bestC))
    (global.set $second (f64x2.sqrt (local.get $second))))

  ;; Adds row $i (coordinates at $b) to centre $c's sum and count.
  (func $addRow (param $b i32) (param $c i32) (param $sums i32) (param $counts i32)
    (local $s i32) (local $q i32)
    (local.set $s (i32.add (local.get $sums) (i32.mul (local.get $c) (i32.const 24))))
    (f64.store (local.get $s) (f64.add (f64.load (local.get $s)) (f64.load (local.get $b))))
    (f64.store offset=8 (local.get $s) (f64.add (f64.load offset=8 (local.get $s)) (f64.load offset=8 (local.get $b))))
    (f64.store offset=16 (local.get $s) (f64.add (f64.load offset=16 (local.get $s)) (f64.load offset=16 (local.get $b))))
    (local.set $q (i32.add (local.get $counts) (i32.shl (local.get $c) (i32.const 3))))
    (f64.store (local.get $q) (f64.add (f64.load (local.get $q)) (f64.const 1))))

  ;; Takes row $i (coordinates at $b) out of centre $c's sum and count.
  (func $removeRow (param $b i32) (param $c i32) (param $sums i32) (param $counts i32)
    (local $s i32) (local $q i32)
    (local.set $s (i32.add (local.get $sums) (i32.mul (local.get $c) (i32.const 24))))
    (f64.store (local.get $s) (f64.sub (f64.load (local.get $s)) (f64.load (local.get $b))))
    (f64.store offset=8 (local.get $s) (f64.sub (f64.load offset=8 (local.get $s)) (f64.load offset=8 (local.get $b))))
    (f64.store offset=16 (local.get $s) (f64.sub (f64.load offset=16 (local.get $s)) (f64.load offset=16 (local.get $b))))
    (local.set $q (i32.add (local.get $counts) (i32.shl (local.get $c) (i32.const 3))))
    (f64.store (local.get $q) (f64.sub (f64.load (local.get $q)) (f64.const 1))))

  ;; First assignment after seeding: every row's nearest centre and its lower bound (distance
  ;; to the second nearest), with the sums and counts accumulated in row order.
  (func (export "assignAll") (param $data i32) (param $n i32) (param $cs i32) (param $k i32) (param $labels i32) (param $lower i32) (param $sums i32) (param $counts i32)
    (local $i i32) (local $b i32) (local $p0 v128) (local $p1 v128) (local $p2 v128) (local $c i32)
    (local.set $b (local.get $data))
    (block $done (loop $rows
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $p0 (v128.load (local.get $b)))
      (local.set $p1 (v128.load offset=16 (local.get $b)))
      (local.set $p2 (v128.load offset=32 (local.get $b)))
      (call $nearestTwo
        (i8x16.shuffle 0 1 2 3 4 5 6 7 24 25 26 27 28 29 30 31 (local.get $p0) (local.get $p1))
        (i8x16.shuffle 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 (local.get $p0) (local.get $p2))
        (i8x16.shuffle 0 1 2 3 4 5 6 7 24 25 26 27 28 29 30 31 (local.get $p1) (local.get $p2))
        (local.get $cs) (local.get $k))
      (v128.store (i32.add (local.get $lower) (i32.shl (local.get $i) (i32.const 3))) (global.get $second))
      (local.set $c (i32.wrap_i64 (i64x2.extract_lane 0 (global.get $bestC))))
      (i32.store (i32.add (local.get $labels) (i32.shl (local.get $i) (i32.const 2))) (local.get $c))
      (call $addRow (local.get $b) (local.get $c) (local.get $sums) (local.get $counts))
      (if (i32.lt_u (i32.add (local.get $i) (i32.const 1)) (local.get $n))
        (then
          (local.set $c (i32.wrap_i64 (i64x2.extract_lane 1 (global.get $bestC))))
          (i32.store offset=4 (i32.add (local.get $labels) (i32.shl (local.get $i) (i32.const 2))) (local.get $c))
          (call $addRow (i32.add (local.get $b) (i32.const 24)) (local.get $c) (local.get $sums) (local.get $counts))))
      (local.set $b (i32.add (local.get $b) (i32.const 48)))
      (local.set $i (i32.add (local.get $i) (i32.const 2)))
      (br $rows))))

  ;; Moves row $i (coordinates at $b, nearest centre $c, second distance $low) to its centre,
  ;; keeping sums and counts current; returns 1 when its centre changed.
  (func $settle (param $i i32) (param $b i32) (param $c i32) (param $low f64) (param $labels i32) (param $lower i32) (param $sums i32) (param $counts i32) (result i32)
    (local $la i32) (local $a i32)
    (f64.store (i32.add (local.get $lower) (i32.shl (local.get $i) (i32.const 3))) (local.get $low))
    (local.set $la (i32.add (local.get $labels) (i32.shl (local.get $i) (i32.const 2))))
    (local.set $a (i32.load (local.get $la)))
    (if (i32.eq (local.get $a) (local.get $c)) (then (return (i32.const 0))))
    (i32.store (local.get $la) (local.get $c))
    (call $removeRow (local.get $b) (local.get $a) (local.get $sums) (local.get $counts))
    (call $addRow (local.get $b) (local.get $c) (local.get $sums) (local.get $counts))
    (i32.const 1))

  ;; Hamerly's assignment step (kmeansSingleInit's assignWithBounds3): each row's exact distance
  ;; to its own centre against its moved lower bound and half the gap to the nearest other
  ;; centre; the rows that fail both are listed (a branch-free append: the index is always
  ;; written, the length grows by the test's 0 or 1), then searched over all centres two at a
  ;; time, in row order so the sums change in the same order. Returns how many rows changed.
  (func (export "assignBounded") (param $data i32) (param $n i32) (param $centres i32) (param $cs i32) (param $k i32)
    (param $labels i32) (param $lower i32) (param $halfGap i32) (param $drop i32) (param $sums i32) (param $counts i32) (param $list i32) (result i32)
    (local $i i32) (local $b i32) (local $a i32) (local $oa i32) (local $e f64) (local $s f64) (local $u f64)
    (local $low f64) (local $lp i32) (local $m i32) (local $p i32) (local $i0 i32) (local $i1 i32)
    (local $b0 i32) (local $b1 i32) (local $changes i32)
    (local.set $b (local.get $data))
    (block $done (loop $rows
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $a (i32.load (i32.add (local.get $labels) (i32.shl (local.get $i) (i32.const 2)))))
      (local.set $oa (i32.add (local.get $centres) (i32.mul (local.get $a) (i32.const 24))))
      (local.set $e (f64.sub (f64.load (local.get $b)) (f64.load (local.get $oa))))
      (local.set $s (f64.mul (local.get $e) (local.get $e)))
      (local.set $e (f64.sub (f64.load offset=8 (local.get $b)) (f64.load offset=8 (local.get $oa))))
      (local.set $s (f64.add (local.get $s) (f64.mul (local.get $e) (local.get $e))))
      (local.set $e (f64.sub (f64.load offset=16 (local.get $b)) (f64.load offset=16 (local.get $oa))))
      (local.set $s (f64.add (local.get $s) (f64.mul (local.get $e) (local.get $e))))
      (local.set $u (f64.sqrt (local.get $s)))
      (local.set $lp (i32.add (local.get $lower) (i32.shl (local.get $i) (i32.const 3))))
      (local.set $low (f64.sub (f64.load (local.get $lp)) (f64.load (i32.add (local.get $drop) (i32.shl (local.get $a) (i32.const 3))))))
      (f64.store (local.get $lp) (local.get $low))
      (i32.store (i32.add (local.get $list) (i32.shl (local.get $m) (i32.const 2))) (local.get $i))
      (local.set $m (i32.add (local.get $m)
        (i32.and
          (f64.gt (local.get $u) (f64.load (i32.add (local.get $halfGap) (i32.shl (local.get $a) (i32.const 3)))))
          (f64.gt (local.get $u) (local.get $low)))))
      (local.set $b (i32.add (local.get $b) (i32.const 24)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $rows)))
    ;; An odd list ends with its last row twice; the copy's lane is not used.
    (i32.store (i32.add (local.get $list) (i32.shl (local.get $m) (i32.const 2)))
      (i32.load (i32.add (local.get $list) (i32.shl (i32.sub (local.get $m) (i32.const 1)) (i32.const 2)))))
    (block $searched (loop $pairs
      (br_if $searched (i32.ge_u (local.get $p) (local.get $m)))
      (local.set $i0 (i32.load (i32.add (local.get $list) (i32.shl (local.get $p) (i32.const 2)))))
      (local.set $i1 (i32.load offset=4 (i32.add (local.get $list) (i32.shl (local.get $p) (i32.const 2)))))
      (local.set $b0 (i32.add (local.get $data) (i32.mul (local.get $i0) (i32.const 24))))
      (local.set $b1 (i32.add (local.get $data) (i32.mul (local.get $i1) (i32.const 24))))
      (call $nearestTwo
        (v128.load64_lane 1 (local.get $b1) (v128.load64_splat (local.get $b0)))
        (v128.load64_lane offset=8 1 (local.get $b1) (v128.load64_splat offset=8 (local.get $b0)))
        (v128.load64_lane offset=16 1 (local.get $b1) (v128.load64_splat offset=16 (local.get $b0)))
        (local.get $cs) (local.get $k))
      (local.set $changes (i32.add (local.get $changes)
        (call $settle (local.get $i0) (local.get $b0) (i32.wrap_i64 (i64x2.extract_lane 0 (global.get $bestC)))
          (f64x2.extract_lane 0 (global.get $second)) (local.get $labels) (local.get $lower) (local.get $sums) (local.get $counts))))
      (if (i32.lt_u (i32.add (local.get $p) (i32.const 1)) (local.get $m))
        (then
          (local.set $changes (i32.add (local.get $changes)
            (call $settle (local.get $i1) (local.get $b1) (i32.wrap_i64 (i64x2.extract_lane 1 (global.get $bestC)))
              (f64x2.extract_lane 1 (global.get $second)) (local.get $labels) (local.get $lower) (local.get $sums) (local.get $counts))))))
      (local.set $p (i32.add (local.get $p) (i32.const 2)))
      (br $pairs)))
    (local.get $changes))

  ;; Σ over rows, in row order, of the squared distance to the own centre.
  (func (export "inertia") (param $data i32) (param $n i32) (param $centres i32) (param $labels i32) (result f64)
    (local $i i32) (local $b i32) (local $oa i32) (local $e f64) (local $s f64) (local $total f64)
    (local.set $b (local.get $data))
    (block $done (loop $rows
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $oa (i32.add (local.get $centres)
        (i32.mul (i32.load (i32.add (local.get $labels) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 24))))
      (local.set $e (f64.sub (f64.load (local.get $b)) (f64.load (local.get $oa))))
      (local.set $s (f64.mul (local.get $e) (local.get $e)))
      (local.set $e (f64.sub (f64.load offset=8 (local.get $b)) (f64.load offset=8 (local.get $oa))))
      (local.set $s (f64.add (local.get $s) (f64.mul (local.get $e) (local.get $e))))
      (local.set $e (f64.sub (f64.load offset=16 (local.get $b)) (f64.load offset=16 (local.get $oa))))
      (local.set $s (f64.add (local.get $s) (f64.mul (local.get $e) (local.get $e))))
      (local.set $total (f64.add (local.get $total) (local.get $s)))
      (local.set $b (i32.add (local.get $b) (i32.const 24)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $rows)))
    (local.get $total))
)
