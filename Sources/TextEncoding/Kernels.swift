import COpenBLAS
import Foundation

// Row-major float kernels for the forward pass. Matrix products go to OpenBLAS; the element-wise
// steps are written with SIMD8 so they stay a small fraction of a query's time.

/// OpenBLAS starts a thread pool sized to the machine; callers parallelise across requests, so
/// each product runs on the caller's thread. Set once, when the first model loads (a global's
/// initialiser runs exactly once).
let openBLASSingleThreaded: Void = openblas_set_num_threads(1)

typealias Vector = SIMD8<Float>

@inline(__always)
private func load(_ pointer: UnsafePointer<Float>) -> Vector {
    UnsafeRawPointer(pointer).loadUnaligned(as: Vector.self)
}

@inline(__always)
private func store(_ value: Vector, _ pointer: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: Vector.self)
}

/// `output[rows × n] = input[rows × k] · weightᵀ (+ output when accumulate)`, with the weight in
/// PyTorch's `[n, k]` layout, so no transposed copy of the weights is ever made.
func multiplyTransposed(
    _ input: UnsafePointer<Float>, rows: Int, weight: FloatTensor,
    into output: UnsafeMutablePointer<Float>, accumulate: Bool = false
) {
    let (n, k) = (weight.shape[0], weight.shape[1])
    cblas_sgemm(
        CblasRowMajor, CblasNoTrans, CblasTrans,
        Int32(rows), Int32(n), Int32(k),
        1, input, Int32(k), weight.pointer, Int32(k),
        accumulate ? 1 : 0, output, Int32(n))
}

/// Fills each of `rows` rows of `output` (width `bias.count`) with the bias, ready for an
/// accumulating product.
func broadcastRows(_ bias: FloatTensor, rows: Int, into output: UnsafeMutablePointer<Float>) {
    let width = bias.count
    for row in 0..<rows {
        (output + row * width).update(from: bias.pointer, count: width)
    }
}

/// `x = GELU(x + bias)` on each row, with the exact (erf) GELU.
func addBiasGELU(_ x: UnsafeMutablePointer<Float>, rows: Int, bias: FloatTensor) {
    let width = bias.count
    let b = bias.pointer
    for row in 0..<rows {
        let p = x + row * width
        var i = 0
        while i + Vector.scalarCount <= width {
            store(gelu(load(p + i) + load(b + i)), p + i)
            i += Vector.scalarCount
        }
        while i < width {
            p[i] = gelu(Vector(repeating: p[i] + b[i]))[0]
            i += 1
        }
    }
}

/// `0.5·x·(1 + erf(x/√2))`.
@inline(__always)
func gelu(_ x: Vector) -> Vector {
    0.5 * x * (1 + erf(x * Float(0.5).squareRoot()))
}

/// erf to within 5e-7 absolute (float evaluation of a rational approximation accurate to 7e-8;
/// Eigen's `generic_fast_erf_float`). Libm's erff per element would cost more than the GELU's
/// matrix product at query sizes; the error is a thousandth of the tanh approximation's.
@inline(__always)
func erf(_ value: Vector) -> Vector {
    // Beyond ±4 erf is ±1 in float. (`clamped` would go through a generic per-lane loop.)
    var x = value.replacing(with: 4, where: value .> 4)
    x.replace(with: -4, where: x .< -4)
    let x2 = x * x
    var p = x2 * -2.72614225801306e-10 + 2.77068142495902e-08
    p = x2 * p - 2.10102402082508e-06
    p = x2 * p - 5.69250639462346e-05
    p = x2 * p - 7.34990630326855e-04
    p = x2 * p - 2.95459980854025e-03
    p = x2 * p - 1.60960333262415e-02
    p = x * p
    var q = x2 * -1.45660718464996e-05 - 2.13374055278905e-04
    q = x2 * q - 1.68282697438203e-03
    q = x2 * q - 7.37332916720468e-03
    q = x2 * q - 1.42647390514189e-02
    return p / q
}

/// `x = LayerNorm(x + bias + residual)` on each row: the post-LN residual block of BERT.
/// Mean and the biased variance are taken over the row, in two passes for accuracy.
func addBiasResidualLayerNorm(
    _ x: UnsafeMutablePointer<Float>, rows: Int, bias: FloatTensor,
    residual: UnsafePointer<Float>, gamma: FloatTensor, beta: FloatTensor, epsilon: Float
) {
    let width = bias.count
    let b = bias.pointer
    for row in 0..<rows {
        let p = x + row * width
        let r = residual + row * width
        for i in 0..<width { p[i] += b[i] + r[i] }
        layerNormRow(p, width: width, gamma: gamma.pointer, beta: beta.pointer, epsilon: epsilon)
    }
}

func layerNorm(
    _ x: UnsafeMutablePointer<Float>, rows: Int, gamma: FloatTensor, beta: FloatTensor, epsilon: Float
) {
    let width = gamma.count
    for row in 0..<rows {
        layerNormRow(x + row * width, width: width, gamma: gamma.pointer, beta: beta.pointer, epsilon: epsilon)
    }
}

private func layerNormRow(
    _ p: UnsafeMutablePointer<Float>, width: Int,
    gamma: UnsafePointer<Float>, beta: UnsafePointer<Float>, epsilon: Float
) {
    let mean = sum(p, count: width) / Float(width)
    var squares = Vector()
    var i = 0
    while i + Vector.scalarCount <= width {
        let d = load(p + i) - mean
        squares += d * d
        i += Vector.scalarCount
    }
    var variance = squares.sum()
    while i < width {
        let d = p[i] - mean
        variance += d * d
        i += 1
    }
    variance /= Float(width)
    let scale = 1 / (variance + epsilon).squareRoot()
    for i in 0..<width {
        p[i] = (p[i] - mean) * scale * gamma[i] + beta[i]
    }
}

func sum(_ p: UnsafePointer<Float>, count: Int) -> Float {
    var accumulator = Vector()
    var i = 0
    while i + Vector.scalarCount <= count {
        accumulator += load(p + i)
        i += Vector.scalarCount
    }
    var total = accumulator.sum()
    while i < count {
        total += p[i]
        i += 1
    }
    return total
}

/// In-place softmax of a row.
func softmax(_ p: UnsafeMutablePointer<Float>, count: Int) {
    var maximum = -Float.infinity
    for i in 0..<count { maximum = max(maximum, p[i]) }
    var total: Float = 0
    for i in 0..<count {
        let e = Foundation.exp(p[i] - maximum)
        p[i] = e
        total += e
    }
    let inverse = 1 / total
    for i in 0..<count { p[i] *= inverse }
}
