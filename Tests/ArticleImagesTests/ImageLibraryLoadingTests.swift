import CVips
import Foundation
import Testing

/// The image libraries are loaded on first use, by SONAME (Sources/CVips/loader.c): a library or
/// function that cannot be had is one line naming it and the loader's reason, never a crash.
@Suite struct ImageLibraryLoadingTests {
    /// What the shim's loader says for `soname` and `symbol`, or nil when both are there.
    static func loadError(_ soname: String, _ symbol: String?) -> String? {
        let message: UnsafePointer<CChar>? = soname.withCString { name in
            if let symbol { return symbol.withCString { cvips_library_error(name, $0) } }
            return cvips_library_error(name, nil)
        }
        return message.map { String(cString: $0) }
    }

    @Test func aMissingLibraryIsOneLineNamingItAndWhy() throws {
        let message = try #require(Self.loadError("libarticlekit-no-such-library.so.9", nil))
        #expect(message.contains("libarticlekit-no-such-library.so.9"))
        #expect(!message.contains("\n") && !message.contains("\r"))
        // The loader's own reason, in brackets after the name.
        let reason = try #require(message.split(separator: "(", maxSplits: 1).last)
        #expect(reason.count > 5 && message.hasSuffix(")"), "\(message)")
    }

    @Test func aLibraryWithoutAFunctionNamesTheFunction() throws {
        let message = try #require(Self.loadError("libc.so.6", "vips_articlekit_no_such_function"))
        #expect(message.contains("libc.so.6") && message.contains("vips_articlekit_no_such_function"))
        #expect(!message.contains("\n"))
    }

    @Test func theLibrariesTheShimUsesAreFound() {
        // The SONAMEs loader.c opens, each with one function the shim calls.
        for (soname, symbol) in [("libvips.so.42", "vips_thumbnail_buffer"), ("libglib-2.0.so.0", "g_free"),
                                 ("libgobject-2.0.so.0", "g_object_unref"), ("libcairo.so.2", "cairo_create"),
                                 ("libpango-1.0.so.0", "pango_layout_new"), ("libpangocairo-1.0.so.0", "pango_cairo_show_layout"),
                                 ("libjpeg.so.62", "jpeg_std_error")] {
            #expect(Self.loadError(soname, symbol) == nil, "\(soname)")
        }
    }

    @Test func manyThreadsLoadingAtOnceAllGetWorkingLibraries() async {
        // The first image work of a process may start on several threads at once.
        let widths = await withTaskGroup(of: Int32.self) { group in
            for i in 0..<16 {
                group.addTask {
                    guard cvips_start() == 0, let image = cvips_new_pattern(Int32(40 + i), 30, 3) else { return -1 }
                    defer { cvips_free(image) }
                    return cvips_width(image)
                }
            }
            return await group.reduce(into: Set<Int32>()) { $0.insert($1) }
        }
        #expect(widths == Set((0..<16).map { Int32(40 + $0) }))
    }
}
