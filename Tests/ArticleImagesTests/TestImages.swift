import CVips
import Foundation
import Testing

/// Images made in the test with libvips, in every format the normaliser takes.
enum TestImages {
    /// A `width`×`height` gradient encoded by `suffix` (`.webp[Q=80]`), after `edit` (metadata, CMYK).
    static func make(_ width: Int, _ height: Int, bands: Int = 3, suffix: String,
                     edit: (OpaquePointer) -> OpaquePointer? = { _ in nil }) throws -> Data {
        #expect(cvips_start() == 0)
        guard var image = cvips_new_pattern(Int32(width), Int32(height), Int32(bands)) else {
            throw Failure("cannot make a pattern: \(String(cString: cvips_error()))")
        }
        if let edited = edit(image) { cvips_free(image); image = edited }
        defer { cvips_free(image) }
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        guard cvips_save(image, suffix, &buffer, &length) == 0, let buffer else {
            throw Failure("cannot save \(suffix): \(String(cString: cvips_error()))")
        }
        defer { cvips_free_buffer(buffer) }
        return Data(bytes: buffer, count: length)
    }

    /// What libvips reads back: loader, size, bands and metadata fields of interest.
    struct Info {
        var loader: String
        var width: Int
        var height: Int
        var bands: Int
        var hasMetadata: Bool
        var orientation: Int
        var isCMYK: Bool
        var hasField: (String) -> Bool
    }

    static func info(_ data: Data) throws -> Info {
        try data.withUnsafeBytes { raw throws -> Info in
            guard let base = raw.baseAddress, let loader = cvips_loader(base, raw.count), let img = cvips_open(base, raw.count) else {
                throw Failure("not readable")
            }
            defer { cvips_free(img) }
            // The fields are read now: the closure must not outlive the image.
            var fields: [String: Bool] = [:]
            for name in ["exif-ifd3-GPSLatitude", "exif-data", "xmp-data", "iptc-data", "icc-profile-data"] {
                fields[name] = cvips_has_field(img, name) != 0
            }
            return Info(loader: String(cString: loader), width: Int(cvips_width(img)), height: Int(cvips_height(img)),
                        bands: Int(cvips_bands(img)), hasMetadata: cvips_has_metadata(img) != 0,
                        orientation: Int(cvips_orientation(img)), isCMYK: cvips_is_cmyk(img) != 0,
                        hasField: { fields[$0] ?? false })
        }
    }

    /// A PNG that declares `width`×`height` pixels but holds almost none: a decompression bomb's header.
    static func pngHeader(width: UInt32, height: UInt32) -> Data {
        var d = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        func chunk(_ type: String, _ body: [UInt8]) {
            var len = UInt32(body.count).bigEndian
            d.append(Data(bytes: &len, count: 4))
            let bytes = Array(type.utf8) + body
            d.append(contentsOf: bytes)
            var crc = crc32(bytes).bigEndian
            d.append(Data(bytes: &crc, count: 4))
        }
        func be(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        chunk("IHDR", be(width) + be(height) + [8, 2, 0, 0, 0])
        // One zlib stream of a few zero bytes: far fewer rows than the header promises.
        chunk("IDAT", [0x78, 0x9C, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01])
        chunk("IEND", [])
        return d
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes {
            c ^= UInt32(b)
            for _ in 0..<8 { c = (c & 1) != 0 ? (c >> 1) ^ 0xEDB8_8320 : c >> 1 }
        }
        return ~c
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }
}

extension TestImages {
    /// The pixels of an image as grey levels, one byte each (through libvips's PGM/PPM writer).
    static func decodeToGrey(_ data: Data) throws -> [UInt8] {
        let ppm: Data = try data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress, let img = cvips_open(base, raw.count) else { throw Failure("not readable") }
            defer { cvips_free(img) }
            var buffer: UnsafeMutableRawPointer?
            var length = 0
            guard cvips_save(img, cvips_bands(img) == 1 ? ".pgm" : ".ppm", &buffer, &length) == 0, let buffer else {
                throw Failure("cannot write PPM: \(String(cString: cvips_error()))")
            }
            defer { cvips_free_buffer(buffer) }
            return Data(bytes: buffer, count: length)
        }
        // "P5|P6 <width> <height> <max>" and one whitespace byte, then the samples.
        var fields = 0
        var i = ppm.startIndex
        var inField = false
        while i < ppm.endIndex, fields < 4 {
            let isSpace = [0x20, 0x0A, 0x0D, 0x09].contains(ppm[i])
            if !isSpace && !inField { inField = true }
            if isSpace && inField { inField = false; fields += 1 }
            i += 1
        }
        let samples = [UInt8](ppm[i...])
        guard ppm.starts(with: Data("P6".utf8)) else { return samples }
        var grey: [UInt8] = []
        var j = 0
        while j + 2 < samples.count {
            let sum: Int = Int(samples[j]) + Int(samples[j + 1]) + Int(samples[j + 2])
            grey.append(UInt8(sum / 3))
            j += 3
        }
        return grey
    }
}
