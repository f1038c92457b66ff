//! Every topic by title: the paged all-topics list of a locale.

use super::{data_error, get_arr, get_count, get_lang, get_str, read_json, DataError};

/// `center/list/<locale>/<page>.json` (pages from 0).
pub fn list_page_path(locale: &str, page: usize) -> String {
    format!("center/list/{locale}/{page}.json")
}

/// One topic of the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListEntry {
    pub slug: String,
    /// In the list's locale, else English.
    pub title: String,
    /// The title's locale when it is not the list's.
    pub lang: Option<String>,
    pub steps: usize,
}

/// One page of the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListPage {
    pub page: usize,
    pub pages: usize,
    /// Topics in the whole list.
    pub total: usize,
    pub topics: Vec<ListEntry>,
}

/// Reads a page of the all-topics list.
///
/// # Examples
///
/// ```
/// let json = r#"{"v":1,"page":0,"pages":1,"total":1,"topics":[{"slug":"find-a-customer","title":"Find a customer","lang":"en-US","steps":3}]}"#;
/// let page = helpmark::help::list::parse_list_page(json).unwrap();
/// assert_eq!(page.topics[0].steps, 3);
/// assert!(helpmark::help::list::parse_list_page(&json.replace("\"page\":0", "\"page\":1")).is_err());
/// ```
pub fn parse_list_page(json: &str) -> Result<ListPage, DataError> {
    let value = read_json(json, "v")?;
    let page = get_count(&value, "page")?;
    let pages = get_count(&value, "pages")?;
    if page >= pages {
        return Err(data_error(format!("page {page} of {pages}")));
    }
    let mut topics = Vec::new();
    for t in get_arr(&value, "topics")? {
        let slug = get_str(t, "slug")?;
        if !crate::safe_url::is_topic_slug(&slug) {
            return Err(data_error(format!("`{slug}` is not a topic slug")));
        }
        topics.push(ListEntry {
            slug,
            title: get_str(t, "title")?,
            lang: get_lang(t)?,
            steps: get_count(t, "steps")?,
        });
    }
    Ok(ListPage {
        page,
        pages,
        total: get_count(&value, "total")?,
        topics,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_read_strictly() {
        let good =
            r#"{"v":1,"page":1,"pages":2,"total":3,"topics":[{"slug":"a","title":"Ä","steps":0}]}"#;
        let page = parse_list_page(good).unwrap();
        assert_eq!((page.page, page.pages, page.total), (1, 2, 3));
        assert_eq!(page.topics[0].lang, None);
        for bad in [
            good.replace("\"v\":1", "\"v\":2"),
            good.replace("\"slug\":\"a\"", "\"slug\":\"a/b\""),
            good.replace("\"steps\":0", "\"steps\":\"0\""),
            good.replace("\"title\":\"Ä\",", ""),
            good.replace("\"steps\":0", "\"steps\":0,\"lang\":\"x y\""),
        ] {
            assert!(parse_list_page(&bad).is_err(), "{bad}");
        }
        assert_eq!(list_page_path("zh-CN", 12), "center/list/zh-CN/12.json");
    }
}
