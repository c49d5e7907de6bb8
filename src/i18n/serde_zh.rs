//! The JSON reader's own messages (`serde_json`'s, in English) said in Chinese, so a Chinese screen
//! or report carries no English sentence. A message not recognised is kept as it is.

/// `message` in Chinese, without serde's trailing " at line L column C" (the location is said
/// separately).
#[must_use]
pub fn serde_zh(message: &str) -> String {
    let m = strip_location(message);
    let tick = |s: &str| s.trim_matches('`').to_owned();
    if m.starts_with("EOF while parsing") {
        return "文件在此意外结束，内容不完整（可能被截断）".to_owned();
    }
    let fixed = [
        ("expected value", "此处应为一个值"),
        ("expected `:`", "此处应为冒号"),
        ("expected `,` or `}`", "此处应为逗号或右花括号"),
        ("expected `,` or `]`", "此处应为逗号或右方括号"),
        ("expected ident", "此处应为 true、false 或 null"),
        ("trailing characters", "内容结束后还有多余的字符"),
        ("trailing comma", "多余的逗号"),
        ("key must be a string", "对象的键必须是字符串"),
        ("invalid escape", "无效的转义字符"),
        ("invalid number", "无效的数字"),
        ("number out of range", "数字超出范围"),
        ("invalid unicode code point", "无效的 Unicode 码位"),
        (
            "lone leading surrogate in hex escape",
            "转义中有不成对的代理码位",
        ),
        ("recursion limit exceeded", "嵌套层数过多"),
    ];
    if let Some((_, zh)) = fixed.iter().find(|(en, _)| m == *en) {
        return (*zh).to_owned();
    }
    if m.starts_with("control character") {
        return "字符串中有控制字符".to_owned();
    }
    if let Some(rest) = m.strip_prefix("missing field ") {
        return format!("缺少字段 {}", tick(rest));
    }
    if let Some(rest) = m.strip_prefix("duplicate field ") {
        return format!("字段 {} 重复", tick(rest));
    }
    if let Some(rest) = m.strip_prefix("unknown field ") {
        let field = rest.split(',').next().unwrap_or(rest);
        return format!("不认识的字段 {}", tick(field));
    }
    if let Some(rest) = m.strip_prefix("unknown variant ") {
        let value = rest.split(',').next().unwrap_or(rest);
        return format!("取值 {} 不在允许的范围内", tick(value));
    }
    for (prefix, what) in [("invalid type: ", "类型"), ("invalid value: ", "取值")] {
        if let Some(rest) = m.strip_prefix(prefix)
            && let Some((found, expected)) = rest.split_once(", expected ")
        {
            return format!(
                "{what}不符：应为{}，实为{}",
                kind_zh(expected),
                kind_zh(found)
            );
        }
    }
    if let Some(rest) = m.strip_prefix("invalid length ")
        && let Some((n, expected)) = rest.split_once(", expected ")
    {
        return format!("长度不符：应为{}，实为 {n}", kind_zh(expected));
    }
    m.to_owned()
}

fn strip_location(message: &str) -> &str {
    match message.rfind(" at line ") {
        Some(i) if message[i..].contains(" column ") => &message[..i],
        _ => message,
    }
}

/// serde's names of what it expected or found.
fn kind_zh(s: &str) -> String {
    let s = s.trim();
    let named = [
        ("u8", "非负整数"),
        ("u16", "非负整数"),
        ("u32", "非负整数"),
        ("u64", "非负整数"),
        ("i32", "整数"),
        ("i64", "整数"),
        ("a string", "字符串"),
        ("a boolean", "布尔值"),
        ("a sequence", "数组"),
        ("a map", "对象"),
        ("null", "空值 null"),
        ("a UUID string", "UUID 字符串"),
        (
            "an RFC 3339 formatted date and time string",
            "带时区的时间（RFC 3339）",
        ),
    ];
    if let Some((_, zh)) = named.iter().find(|(en, _)| s == *en) {
        return (*zh).to_owned();
    }
    if s.starts_with("struct ") || s.starts_with("a map") {
        return "对象".to_owned();
    }
    if let Some(v) = s.strip_prefix("string ") {
        return format!("字符串 {v}");
    }
    if let Some(v) = s.strip_prefix("integer ") {
        return format!("整数 {v}");
    }
    if let Some(v) = s.strip_prefix("floating point ") {
        return format!("小数 {v}");
    }
    if s == "sequence" {
        return "数组".to_owned();
    }
    if s == "map" {
        return "对象".to_owned();
    }
    if let Some(v) = s.strip_prefix("boolean ") {
        return format!("布尔值 {v}");
    }
    s.to_owned()
}

#[cfg(test)]
mod tests {
    use super::serde_zh;

    #[test]
    fn the_readers_messages_are_said_in_chinese() {
        for (en, zh) in [
            (
                "EOF while parsing an object",
                "文件在此意外结束，内容不完整（可能被截断）",
            ),
            ("expected value at line 3 column 5", "此处应为一个值"),
            ("missing field `place`", "缺少字段 place"),
            (
                "unknown field `colour`, expected one of `a`, `b`",
                "不认识的字段 colour",
            ),
            (
                "invalid type: string \"22\", expected u32 at line 104 column 25",
                "类型不符：应为非负整数，实为字符串 \"22\"",
            ),
            (
                "unknown variant `maybe`, expected `passed` or `failed`",
                "取值 maybe 不在允许的范围内",
            ),
            ("something new", "something new"),
        ] {
            assert_eq!(serde_zh(en), zh, "{en}");
        }
    }
}
