/// A plain hand-written SIMD matrix product, `c[m × n] = a[m × k] · wᵀ` with `w` in PyTorch's
/// `[n, k]` layout, to compare with OpenBLAS's sgemm on the encoder's shapes.
///
/// Dot-product form over contiguous rows (no packing), in 2 × 4 register blocks of `V` lanes, so
/// each loaded vector is reused 2 or 4 times. Swift compiles for the baseline x86-64 (SSE2, no
/// FMA) unless told otherwise, which is what the library would ship with.
func simdMultiplyTransposed<V: SIMD>(
    _ a: UnsafePointer<Float>, _ w: UnsafePointer<Float>, into c: UnsafeMutablePointer<Float>,
    m: Int, n: Int, k: Int, lanes _: V.Type
) where V.Scalar == Float {
    let width = V.scalarCount
    let vectorK = k - k % width

    @inline(__always) func load(_ p: UnsafePointer<Float>) -> V {
        UnsafeRawPointer(p).loadUnaligned(as: V.self)
    }

    @inline(__always) func dot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>) -> Float {
        var accumulator = V()
        var index = 0
        while index < vectorK {
            accumulator += load(x + index) * load(y + index)
            index += width
        }
        var total = accumulator.sum()
        while index < k {
            total += x[index] * y[index]
            index += 1
        }
        return total
    }

    var j = 0
    while j + 4 <= n {
        let (w0, w1, w2, w3) = (w + j * k, w + (j + 1) * k, w + (j + 2) * k, w + (j + 3) * k)
        var i = 0
        while i + 2 <= m {
            let (a0, a1) = (a + i * k, a + (i + 1) * k)
            var (c00, c01, c02, c03) = (V(), V(), V(), V())
            var (c10, c11, c12, c13) = (V(), V(), V(), V())
            var index = 0
            while index < vectorK {
                let (x0, x1) = (load(a0 + index), load(a1 + index))
                var y = load(w0 + index)
                c00 += x0 * y
                c10 += x1 * y
                y = load(w1 + index)
                c01 += x0 * y
                c11 += x1 * y
                y = load(w2 + index)
                c02 += x0 * y
                c12 += x1 * y
                y = load(w3 + index)
                c03 += x0 * y
                c13 += x1 * y
                index += width
            }
            let (r0, r1) = (c + i * n + j, c + (i + 1) * n + j)
            (r0[0], r0[1], r0[2], r0[3]) = (c00.sum(), c01.sum(), c02.sum(), c03.sum())
            (r1[0], r1[1], r1[2], r1[3]) = (c10.sum(), c11.sum(), c12.sum(), c13.sum())
            while index < k {
                for (column, weights) in [w0, w1, w2, w3].enumerated() {
                    r0[column] += a0[index] * weights[index]
                    r1[column] += a1[index] * weights[index]
                }
                index += 1
            }
            i += 2
        }
        while i < m {
            for column in 0..<4 { c[i * n + j + column] = dot(a + i * k, w + (j + column) * k) }
            i += 1
        }
        j += 4
    }
    while j < n {
        for i in 0..<m { c[i * n + j] = dot(a + i * k, w + j * k) }
        j += 1
    }
}
