"""What the plugin writes from a page's facts and its checks' results: the structured
data, the compliance report, the feed's entries, the templates' filters, the sitemap's
dates."""
