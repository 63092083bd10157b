import CArticleZlib
import Foundation

/// One gzip member made in-process with zlib (a gzip child process would inherit other tests'
/// pipes and keep them open).
func gzipMember(_ data: Data) -> Data {
    var stream = z_stream()
    guard czlib_deflate_init_gzip(&stream, 6) == Z_OK else { return Data() }
    defer { deflateEnd(&stream) }
    var input = [UInt8](data)
    var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 64)
    let produced: Int = input.withUnsafeMutableBufferPointer { i in
        output.withUnsafeMutableBufferPointer { o in
            stream.next_in = i.baseAddress
            stream.avail_in = uInt(i.count)
            stream.next_out = o.baseAddress
            stream.avail_out = uInt(o.count)
            _ = deflate(&stream, Z_FINISH)
            return o.count - Int(stream.avail_out)
        }
    }
    return Data(output[0..<produced])
}
