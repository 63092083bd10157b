// `import ArticleKit` gives the whole library: the model, the pipeline, and every format.
@_exported import ArticleCore
@_exported import ArticleEPUB
@_exported import ArticleFeed
@_exported import ArticleFetch
@_exported import ArticleHTML
@_exported import ArticleImages
@_exported import ArticleJSON
@_exported import ArticleLanguage
@_exported import ArticleMarkdown
@_exported import ArticleText
@_exported import ArticleWARC
