//! ASCII classification and case conversion for `u8` and `char`.

impl u8 {
    /// Whether the byte is ASCII (below 128).
    pub fn is_ascii(&self) -> bool {
        *self < 128
    }

    pub fn is_ascii_uppercase(&self) -> bool {
        *self >= b'A' && *self <= b'Z'
    }

    pub fn is_ascii_lowercase(&self) -> bool {
        *self >= b'a' && *self <= b'z'
    }

    pub fn is_ascii_alphabetic(&self) -> bool {
        self.is_ascii_uppercase() || self.is_ascii_lowercase()
    }

    pub fn is_ascii_digit(&self) -> bool {
        *self >= b'0' && *self <= b'9'
    }

    pub fn is_ascii_alphanumeric(&self) -> bool {
        self.is_ascii_alphabetic() || self.is_ascii_digit()
    }

    pub fn is_ascii_hexdigit(&self) -> bool {
        self.is_ascii_digit() || (*self >= b'a' && *self <= b'f') || (*self >= b'A' && *self <= b'F')
    }

    /// `!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~`
    pub fn is_ascii_punctuation(&self) -> bool {
        (*self >= 33 && *self <= 47) || (*self >= 58 && *self <= 64) || (*self >= 91 && *self <= 96) || (*self >= 123 && *self <= 126)
    }

    /// Visible characters: `!` to `~`.
    pub fn is_ascii_graphic(&self) -> bool {
        *self >= 33 && *self <= 126
    }

    /// Space, tab, line feed, form feed and carriage return (not vertical tab, as in Rust).
    pub fn is_ascii_whitespace(&self) -> bool {
        *self == b' ' || *self == b'\t' || *self == b'\n' || *self == 12 || *self == b'\r'
    }

    pub fn is_ascii_control(&self) -> bool {
        *self < 32 || *self == 127
    }

    pub fn to_ascii_uppercase(&self) -> u8 {
        if self.is_ascii_lowercase() { *self - 32 } else { *self }
    }

    pub fn to_ascii_lowercase(&self) -> u8 {
        if self.is_ascii_uppercase() { *self + 32 } else { *self }
    }

    pub fn make_ascii_uppercase(&mut self) {
        *self = self.to_ascii_uppercase();
    }

    pub fn make_ascii_lowercase(&mut self) {
        *self = self.to_ascii_lowercase();
    }

    pub fn eq_ignore_ascii_case(&self, other: &u8) -> bool {
        self.to_ascii_lowercase() == other.to_ascii_lowercase()
    }
}

impl char {
    /// The largest code point.
    pub const MAX: char = '\u{10FFFF}';
    /// The smallest code point.
    pub const MIN: char = '\0';
    /// U+FFFD, what decoders put in place of invalid input.
    pub const REPLACEMENT_CHARACTER: char = '\u{FFFD}';

    pub fn is_ascii(&self) -> bool {
        (*self as u32) < 128
    }

    pub fn is_ascii_uppercase(&self) -> bool {
        *self >= 'A' && *self <= 'Z'
    }

    pub fn is_ascii_lowercase(&self) -> bool {
        *self >= 'a' && *self <= 'z'
    }

    pub fn is_ascii_alphabetic(&self) -> bool {
        self.is_ascii_uppercase() || self.is_ascii_lowercase()
    }

    pub fn is_ascii_digit(&self) -> bool {
        *self >= '0' && *self <= '9'
    }

    pub fn is_ascii_alphanumeric(&self) -> bool {
        self.is_ascii_alphabetic() || self.is_ascii_digit()
    }

    pub fn is_ascii_hexdigit(&self) -> bool {
        self.is_ascii_digit() || (*self >= 'a' && *self <= 'f') || (*self >= 'A' && *self <= 'F')
    }

    pub fn is_ascii_punctuation(&self) -> bool {
        self.is_ascii() && (*self as u8).is_ascii_punctuation()
    }

    pub fn is_ascii_graphic(&self) -> bool {
        self.is_ascii() && (*self as u8).is_ascii_graphic()
    }

    pub fn is_ascii_whitespace(&self) -> bool {
        self.is_ascii() && (*self as u8).is_ascii_whitespace()
    }

    pub fn is_ascii_control(&self) -> bool {
        self.is_ascii() && (*self as u8).is_ascii_control()
    }

    pub fn to_ascii_uppercase(&self) -> char {
        if self.is_ascii_lowercase() { ((*self as u8) - 32) as char } else { *self }
    }

    pub fn to_ascii_lowercase(&self) -> char {
        if self.is_ascii_uppercase() { ((*self as u8) + 32) as char } else { *self }
    }

    pub fn eq_ignore_ascii_case(&self, other: &char) -> bool {
        self.to_ascii_lowercase() == other.to_ascii_lowercase()
    }

    /// Unicode's White_Space property (a short, fixed list of code points).
    pub fn is_whitespace(self) -> bool {
        let c = self as u32;
        (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A)
            || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000
    }

    /// The general category Cc: C0 and C1 control codes and DEL.
    pub fn is_control(self) -> bool {
        let c = self as u32;
        c < 0x20 || (c >= 0x7F && c <= 0x9F)
    }

    /// How many 16-bit units the character takes in UTF-16.
    pub fn len_utf16(self) -> usize {
        if (self as u32) < 0x10000 { 1 } else { 2 }
    }

    /// How many bytes the character takes in UTF-8.
    pub fn len_utf8(self) -> usize {
        let c = self as u32;
        if c < 0x80 { 1 } else if c < 0x800 { 2 } else if c < 0x10000 { 3 } else { 4 }
    }

    /// Whether the character is a digit in the given radix (2 to 36). Rust's `to_digit`
    /// returns `Option<u32>`, which the subset lacks.
    pub fn is_digit(self, radix: u32) -> bool {
        if radix < 2 || radix > 36 {
            panic!("to_digit: invalid radix -- radix must be in the range 2 to 36 inclusive");
        }
        self.digit_value() < radix
    }

    fn digit_value(self) -> u32 {
        let c = self as u32;
        if c >= 48 && c <= 57 {
            c - 48
        } else if c >= 97 && c <= 122 {
            c - 97 + 10
        } else if c >= 65 && c <= 90 {
            c - 65 + 10
        } else {
            36
        }
    }
}
