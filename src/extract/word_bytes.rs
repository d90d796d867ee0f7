//! Where a text's ASCII word characters are: bit masks over its bytes, 64 to
//! a block, made sixteen bytes at a time with SIMD (through `wide`, which
//! falls back to plain code where the processor has none).
//!
//! Most of a text's bytes are inside words. With the masks the tokenizer
//! finds where a run of word characters ends, and whether it holds a
//! digit, a capital or a sign, with a few bit operations instead of a
//! look at each byte, and without a branch the processor mispredicts at
//! every word's end.

use wide::u8x16;

/// A run holds an ASCII digit.
pub const DIGIT: u8 = 1;
/// A run holds an ASCII capital.
pub const UPPER: u8 = 2;
/// A run holds one of the signs that are word characters: `$ % # +`.
pub const SIGN: u8 = 4;

/// The masks of one block of 64 bytes: bit `i` stands for byte `i`.
#[derive(Clone, Copy, Default)]
struct Block {
    /// ASCII letters and digits, and `$ % # +`.
    word: u64,
    digit: u64,
    upper: u64,
    sign: u64,
}

impl Block {
    fn of(bytes: &[u8; 64]) -> Block {
        let mut block = Block::default();
        let (parts, _) = bytes.as_chunks::<16>();
        for (n, part) in parts.iter().enumerate() {
            let v = u8x16::new(*part);
            let within = |low: u8, count: u8| (v - u8x16::splat(low)).simd_lt(u8x16::splat(count));
            let is = |b: u8| v.simd_eq(u8x16::splat(b));
            let digit = within(b'0', 10);
            let upper = within(b'A', 26);
            let lower = within(b'a', 26);
            let sign = is(b'$') | is(b'%') | is(b'#') | is(b'+');
            let mask = |lanes: u8x16| u64::from(lanes.to_bitmask()) << (16 * n);
            block.word |= mask(digit | upper | lower | sign);
            block.digit |= mask(digit);
            block.upper |= mask(upper);
            block.sign |= mask(sign);
        }
        block
    }

    /// [`DIGIT`], [`UPPER`] and [`SIGN`] for the bytes of `covered`.
    fn holds(self, covered: u64) -> u8 {
        let any = |mask: u64, bit: u8| u8::from(mask & covered != 0) * bit;
        any(self.digit, DIGIT) | any(self.upper, UPPER) | any(self.sign, SIGN)
    }
}

/// The word-character masks of a whole text.
pub struct WordBytes {
    /// One block for every 64 bytes, and one more past the end (padded
    /// with spaces), so that a run always ends inside a block.
    blocks: Vec<Block>,
}

impl WordBytes {
    pub fn new(text: &[u8]) -> WordBytes {
        let (chunks, rest) = text.as_chunks::<64>();
        let mut blocks = Vec::with_capacity(chunks.len() + 1);
        blocks.extend(chunks.iter().map(Block::of));
        let mut last = [b' '; 64];
        last[..rest.len()].copy_from_slice(rest);
        blocks.push(Block::of(&last));
        WordBytes { blocks }
    }

    /// The run of ASCII word characters from byte `from` up to byte `limit`
    /// at most: where it ends, and what it holds ([`DIGIT`], [`UPPER`],
    /// [`SIGN`]). Needs `from <= limit <= ` the text's length.
    #[inline]
    pub fn run(&self, from: usize, limit: usize) -> (usize, u8) {
        let mut index = from / 64;
        let mut skip = from % 64;
        let mut holds = 0;
        loop {
            let start = index * 64 + skip;
            let block = self.blocks[index];
            // The bits shifted in from the top are not word bytes: a run
            // ends inside the block or at its end.
            let length = ((!(block.word >> skip)).trailing_zeros() as usize).min(limit - start);
            if length > 0 {
                holds |= block.holds((u64::MAX >> (64 - length)) << skip);
            }
            let end = start + length;
            if skip + length < 64 || end == limit {
                return (end, holds);
            }
            index += 1;
            skip = 0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The run a byte-by-byte reading finds.
    fn run_read(text: &[u8], from: usize, limit: usize) -> (usize, u8) {
        let mut holds = 0;
        for (i, &b) in text.iter().enumerate().take(limit).skip(from) {
            holds |= match b {
                b'0'..=b'9' => DIGIT,
                b'A'..=b'Z' => UPPER,
                b'a'..=b'z' => 0,
                b'$' | b'%' | b'#' | b'+' => SIGN,
                _ => return (i, holds),
            };
        }
        (limit, holds)
    }

    #[test]
    fn every_byte_is_classed_as_read_one_by_one() {
        let text: Vec<u8> = (0..=255u8).collect();
        let masks = WordBytes::new(&text);
        for from in 0..text.len() {
            assert_eq!(
                masks.run(from, from + 1),
                run_read(&text, from, from + 1),
                "byte {from}"
            );
        }
    }

    #[test]
    fn runs_cross_blocks_and_stop_at_the_limit() {
        let mut text = b"At $4.2bn, 57 COUNTRIES+ ".repeat(9);
        text.extend(b"x".repeat(200));
        text.extend(b"Tail9");
        let masks = WordBytes::new(&text);
        for from in 0..text.len() {
            for limit in [from, from + 1, from + 63, from + 64, from + 65, text.len()] {
                let limit = limit.min(text.len());
                assert_eq!(
                    masks.run(from, limit),
                    run_read(&text, from, limit),
                    "{from}..{limit}"
                );
            }
        }
    }
}
