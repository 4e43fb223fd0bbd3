;; silhouetteScore's pair sums for three features, in WebAssembly with 128-bit SIMD: the O(m²)
;; part of a silhouette on the rows of a sample. A module of its own: its memory is laid out for
;; a sample and its sums, not for the k-means rows and bounds.
;;
;; The same numbers to the bit as silhouetteScore.ts's distanceRun3: a distance is
;; √((e0·e0 + e1·e1) + e2·e2), and the two lanes are its two running sums.
;;
;; Layout (chosen by silhouetteSums3.ts): the m rows sorted by cluster at $x (three f64 each),
;; k + 1 block starts (i32) at $blocks, the m × k sums (f64, zero) at $sums.
;;
;; Built into silhouette3Wasm.ts by `npm run build:wasm`; a test checks the two agree.
(module
  (memory (export "memory") 1)

  ;; silhouetteScore's sums for three features (its distanceRun3 over every run): for each row p
  ;; of the rows sorted by cluster and each cluster c2 from p's own cluster c on, the distances
  ;; from p to the rows of c2 after p are summed into sums[p·k + c2] and each is also added to
  ;; that row's sums[q·k + c]. The two lanes are the TypeScript's two running sums (the first and
  ;; the second row of each pair), so every sum keeps its order.
  (func (export "silhouetteSums") (param $x i32) (param $k i32) (param $blocks i32) (param $sums i32)
    (local $c i32) (local $c2 i32) (local $p i32) (local $q i32) (local $from i32) (local $to i32)
    (local $x0 v128) (local $x1 v128) (local $x2 v128) (local $p0 v128) (local $p1 v128) (local $p2 v128)
    (local $e v128) (local $dist v128) (local $acc v128) (local $even f64) (local $s f64) (local $f f64)
    (local $b i32) (local $at i32) (local $stride i32)
    (local.set $stride (i32.shl (local.get $k) (i32.const 3)))
    (block $doneC (loop $clusters
      (br_if $doneC (i32.ge_u (local.get $c) (local.get $k)))
      (local.set $p (i32.load (i32.add (local.get $blocks) (i32.shl (local.get $c) (i32.const 2)))))
      (block $doneP (loop $rows
        (br_if $doneP (i32.ge_u (local.get $p) (i32.load offset=4 (i32.add (local.get $blocks) (i32.shl (local.get $c) (i32.const 2))))))
        (local.set $b (i32.add (local.get $x) (i32.mul (local.get $p) (i32.const 24))))
        (local.set $x0 (v128.load64_splat (local.get $b)))
        (local.set $x1 (v128.load64_splat offset=8 (local.get $b)))
        (local.set $x2 (v128.load64_splat offset=16 (local.get $b)))
        (local.set $c2 (local.get $c))
        (block $doneC2 (loop $others
          (br_if $doneC2 (i32.ge_u (local.get $c2) (local.get $k)))
          (local.set $from (select
            (i32.add (local.get $p) (i32.const 1))
            (i32.load (i32.add (local.get $blocks) (i32.shl (local.get $c2) (i32.const 2))))
            (i32.eq (local.get $c2) (local.get $c))))
          (local.set $to (i32.load offset=4 (i32.add (local.get $blocks) (i32.shl (local.get $c2) (i32.const 2)))))
          (local.set $acc (f64x2.splat (f64.const 0)))
          (local.set $q (local.get $from))
          ;; sums[q·k + c], stepping a row at a time
          (local.set $at (i32.add (local.get $sums) (i32.add (i32.mul (local.get $q) (local.get $stride)) (i32.shl (local.get $c) (i32.const 3)))))
          (block $donePairs (loop $pairs
            (br_if $donePairs (i32.ge_s (i32.add (local.get $q) (i32.const 1)) (local.get $to)))
            (local.set $b (i32.add (local.get $x) (i32.mul (local.get $q) (i32.const 24))))
            (local.set $p0 (v128.load (local.get $b)))
            (local.set $p1 (v128.load offset=16 (local.get $b)))
            (local.set $p2 (v128.load offset=32 (local.get $b)))
            (local.set $e (f64x2.sub (local.get $x0) (i8x16.shuffle 0 1 2 3 4 5 6 7 24 25 26 27 28 29 30 31 (local.get $p0) (local.get $p1))))
            (local.set $dist (f64x2.mul (local.get $e) (local.get $e)))
            (local.set $e (f64x2.sub (local.get $x1) (i8x16.shuffle 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 (local.get $p0) (local.get $p2))))
            (local.set $dist (f64x2.add (local.get $dist) (f64x2.mul (local.get $e) (local.get $e))))
            (local.set $e (f64x2.sub (local.get $x2) (i8x16.shuffle 0 1 2 3 4 5 6 7 24 25 26 27 28 29 30 31 (local.get $p1) (local.get $p2))))
            (local.set $dist (f64x2.sqrt (f64x2.add (local.get $dist) (f64x2.mul (local.get $e) (local.get $e)))))
            (f64.store (local.get $at) (f64.add (f64.load (local.get $at)) (f64x2.extract_lane 0 (local.get $dist))))
            (local.set $at (i32.add (local.get $at) (local.get $stride)))
            (f64.store (local.get $at) (f64.add (f64.load (local.get $at)) (f64x2.extract_lane 1 (local.get $dist))))
            (local.set $at (i32.add (local.get $at) (local.get $stride)))
            (local.set $acc (f64x2.add (local.get $acc) (local.get $dist)))
            (local.set $q (i32.add (local.get $q) (i32.const 2)))
            (br $pairs)))
          (local.set $even (f64x2.extract_lane 0 (local.get $acc)))
          (if (i32.lt_s (local.get $q) (local.get $to))
            (then
              (local.set $b (i32.add (local.get $x) (i32.mul (local.get $q) (i32.const 24))))
              (local.set $f (f64.sub (f64x2.extract_lane 0 (local.get $x0)) (f64.load (local.get $b))))
              (local.set $s (f64.mul (local.get $f) (local.get $f)))
              (local.set $f (f64.sub (f64x2.extract_lane 0 (local.get $x1)) (f64.load offset=8 (local.get $b))))
              (local.set $s (f64.add (local.get $s) (f64.mul (local.get $f) (local.get $f))))
              (local.set $f (f64.sub (f64x2.extract_lane 0 (local.get $x2)) (f64.load offset=16 (local.get $b))))
              (local.set $s (f64.sqrt (f64.add (local.get $s) (f64.mul (local.get $f) (local.get $f)))))
              (f64.store (local.get $at) (f64.add (f64.load (local.get $at)) (local.get $s)))
              (local.set $even (f64.add (local.get $even) (local.get $s)))))
          (local.set $at (i32.add (local.get $sums) (i32.add (i32.mul (local.get $p) (local.get $stride)) (i32.shl (local.get $c2) (i32.const 3)))))
          (f64.store (local.get $at) (f64.add (f64.load (local.get $at)) (f64.add (local.get $even) (f64x2.extract_lane 1 (local.get $acc)))))
          (local.set $c2 (i32.add (local.get $c2) (i32.const 1)))
          (br $others)))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $rows)))
      (local.set $c (i32.add (local.get $c) (i32.const 1)))
      (br $clusters))))
)
