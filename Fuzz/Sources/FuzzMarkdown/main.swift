import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func test(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    fuzzOne(start, count, format: "markdown")
    return 0
}

// SwiftPM links an executable's entry point under this name; hand control to libFuzzer's driver.
@_cdecl("FuzzMarkdown_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, test)
}
