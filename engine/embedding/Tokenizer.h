#pragma once

// Splits free text into word tokens for the text modality. Segmentation is ICU's word break iterator,
// which finds words by dictionary in scripts written without spaces, so Chinese titles yield words
// (电子产品和服装 → 电子 | 产品 | 和 | 服装) rather than single characters or one long run. Only word
// tokens survive (letters, ideographs, kana, numbers); punctuation and spaces are dropped, and English
// possessives lose their 's ("Philosopher's" → "philosopher").
//
// One Tokenizer may be shared by several threads: tokenize() is const and thread-safe.

#include <QString>
#include <QStringList>

#include <memory>

namespace fl {

struct TokenizerSettings
{
    bool lowercase = true;        // Unicode case folding ("Harry" → "harry", "ÉTÉ" → "été")
    bool removeStopWords = true;  // built-in English list plus a few Chinese function words
    int minTokenLength = 1;       // in characters (code points), after normalisation
    bool normalizeWidth = true;   // NFKC first: full-width "ＡＢＣ１２" → "ABC12", ligatures split
};

class Tokenizer
{
public:
    explicit Tokenizer(TokenizerSettings settings = {});
    ~Tokenizer();
    Tokenizer(Tokenizer &&) noexcept;
    Tokenizer &operator=(Tokenizer &&) noexcept;
    Tokenizer(const Tokenizer &) = delete;
    Tokenizer &operator=(const Tokenizer &) = delete;

    QStringList tokenize(const QString &text) const;

    const TokenizerSettings &settings() const { return m_settings; }

    // False only if ICU could not create a word break iterator (missing ICU data); tokenize() then
    // falls back to Qt's word boundaries, which do not segment Chinese into words.
    bool usesDictionarySegmentation() const;

    // True if the (case-folded) word is on the built-in stop list.
    static bool isStopWord(const QString &word);

private:
    struct Iterators;

    TokenizerSettings m_settings;
    std::unique_ptr<Iterators> m_iterators;
};

} // namespace fl
