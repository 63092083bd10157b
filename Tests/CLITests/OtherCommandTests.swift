import Foundation
import Testing

@Test func inspectPrintsWhatWasUnderstood() throws {
    let r = try CLIRunner.run(["inspect", CLIRunner.seed.path])
    #expect(r.status == 0)
    for needle in ["title:     Strengthening mass mobilization work", "dateline:  DNUM_BEZBAZCABB 20:10", "published: —",
                   "source:    Baonghean", "authors:   Nguyen Xuan Son", "language:  en", "list (bulleted, 3 items)",
                   "figure \"Soldiers of the Military Command", "credit: Thanh Le"] {
        #expect(r.stdout.contains(needle), "\(needle)")
    }
}

@Test func formatsListsReadersAndWriters() throws {
    let r = try CLIRunner.run(["formats"])
    #expect(r.status == 0)
    for name in ["text", "json", "markdown"] { #expect(r.stdout.contains("  " + name)) }
    #expect(r.stdout.contains("Readers") && r.stdout.contains("Writers"))
}

@Test func everyCommandHelpShowsExamples() throws {
    for command in [["--help"], ["convert", "--help"], ["inspect", "--help"], ["formats", "--help"]] {
        let r = try CLIRunner.run(command)
        #expect(r.status == 0)
        #expect(r.stdout.contains("Examples:") && r.stdout.contains("articlekit "), "\(command)")
    }
}

@Test func versionIsPrinted() throws {
    let r = try CLIRunner.run(["--version"])
    #expect(r.status == 0)
    #expect(r.stdout.split(separator: ".").count == 3)
}
