import Foundation

extension Converter {
    /// Runs the transforms on articles made already (a feed's items), as ``read(_:from:context:)``
    /// runs them on read ones; they count as documents from the network
    /// (``/ArticleCore/DocumentOrigin/remote``): no local file they name is read.
    public func transformed(_ articles: [Article], name: String, context: inout ConversionContext) throws(ArticleError) -> [Article] {
        context.inputName = name
        context.origin = .remote
        var out = articles
        for i in out.indices {
            for step in transforms {
                do {
                    out[i] = try step.apply(to: out[i], context: &context)
                } catch {
                    throw ArticleError(error.code, "\(step.name): \(error.message)", file: error.file ?? out[i].metadata.url ?? name, line: error.line)
                }
            }
        }
        return out
    }
}
