import ArticleSupport

/// Elements a CSS framework's utility class hides: Tailwind's `hidden`, Bootstrap's `d-none`
/// (and `hide`/`hidden` of Bootstrap 2 and 3), Bulma's `is-hidden`, Foundation's `hide`,
/// SUIT's `u-hidden`. Pages park their paywall and sign-in prompts, ad-blocker notices, closed
/// menus, modals and tab panels of other stories in them until a script shows one.
///
/// Measured on the 379 fundus and readability pages before this rule: such elements held
/// 12,465 four-word shingles, 28 of them in the expected article bodies.
///
/// A class that shows the element again at some screen size (`hidden md:block`,
/// `d-none d-lg-flex`, `is-hidden is-block-desktop`) makes it visible on the desktop layout the
/// page is read in, so it is not hidden. Like the `hidden` attribute, this marks furniture, not a
/// hard rule: a hidden element that holds a whole article's running text is still read. Only
/// block elements count: a hidden `<span>` inside a heading or paragraph is typography, such as
/// the `: ` between a kicker and a headline kept for copying and screen readers.
extension BoilerplateRules {
    /// Whether the element's `class` hides it at every screen size.
    static func hiddenByUtilityClass(_ node: XMLNode) -> Bool {
        node.withAttribute("class", classListHides) ?? false
    }

    /// Whether a class list, as bytes, hides its element at every screen size.
    static func classListHides(_ list: UnsafeBufferPointer<UInt8>) -> Bool {
        var hides = false
        var start = 0
        var i = 0
        while i <= list.count {
            if i == list.count || isClassSeparator(list[i]) {
                if i > start {
                    let name = UnsafeBufferPointer(rebasing: list[start..<i])
                    if showsAgain(name) { return false }
                    if !hides, hidingClasses.contains(where: { equal(name, $0) }) { hides = true }
                }
                start = i + 1
            }
            i += 1
        }
        return hides
    }

    /// The utility classes that hide an element at every size.
    static let hidingClasses: [[UInt8]] = ["hidden", "hide", "is-hidden", "d-none", "u-hidden", "display-none"].map { Array($0.utf8) }

    /// The CSS `display` values a responsive class shows an element with.
    static let displayValues: [[UInt8]] = [
        "block", "flex", "inline", "inline-block", "inline-flex", "grid", "inline-grid", "table", "contents", "list-item",
    ].map { Array($0.utf8) }

    /// Whether one class shows the element at some size: a Tailwind variant ending in a
    /// display value (`md:block`, `desktop:flex`), Bootstrap's `d-{size}-{value}` other than
    /// `none`, or Bulma's `is-{value}-{size}`.
    private static func showsAgain(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        if let colon = name.lastIndex(of: UInt8(ascii: ":")) {
            let value = UnsafeBufferPointer(rebasing: name[(colon + 1)...])
            return displayValues.contains { equal(value, $0) }
        }
        if starts(name, with: "d-"), name.count > 2 {
            // d-md-block: a size, then a value; d-block alone shows at every size anyway.
            let rest = UnsafeBufferPointer(rebasing: name[2...])
            guard let dash = rest.firstIndex(of: UInt8(ascii: "-")) else { return displayValues.contains { equal(rest, $0) } }
            let value = UnsafeBufferPointer(rebasing: rest[(dash + 1)...])
            return displayValues.contains { equal(value, $0) }
        }
        if starts(name, with: "is-") {
            let rest = UnsafeBufferPointer(rebasing: name[3...])
            return displayValues.contains { v in rest.count > v.count && equal(UnsafeBufferPointer(rebasing: rest[..<v.count]), v) && rest[v.count] == UInt8(ascii: "-") }
        }
        return false
    }

    private static func isClassSeparator(_ b: UInt8) -> Bool {
        b == 32 || b == 9 || b == 10 || b == 12 || b == 13
    }

    private static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: [UInt8]) -> Bool {
        a.count == b.count && a.elementsEqual(b)
    }

    private static func starts(_ a: UnsafeBufferPointer<UInt8>, with prefix: String) -> Bool {
        a.starts(with: prefix.utf8)
    }
}
