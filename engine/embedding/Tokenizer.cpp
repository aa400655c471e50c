#include "engine/embedding/Tokenizer.h"

#include <QSet>
#include <QTextBoundaryFinder>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ubrk.h>
#include <unicode/unistr.h>

#include <mutex>
#include <vector>

namespace fl {

// ICU break iterators are expensive to create and not safe to share while iterating. The Tokenizer
// creates one prototype and lends out clones from a small pool: each concurrent caller gets its own
// iterator, and a clone is made only when every pooled one is in use.
struct Tokenizer::Iterators
{
    std::unique_ptr<icu::BreakIterator> prototype;
    std::mutex mutex;
    std::vector<std::unique_ptr<icu::BreakIterator>> pool;

    std::unique_ptr<icu::BreakIterator> acquire()
    {
        std::lock_guard lock(mutex);
        if (!pool.empty()) {
            std::unique_ptr<icu::BreakIterator> it = std::move(pool.back());
            pool.pop_back();
            return it;
        }
        return std::unique_ptr<icu::BreakIterator>(prototype->clone());
    }

    void release(std::unique_ptr<icu::BreakIterator> it)
    {
        if (!it)
            return;
        std::lock_guard lock(mutex);
        pool.push_back(std::move(it));
    }
};

Tokenizer::Tokenizer(TokenizerSettings settings)
    : m_settings(settings), m_iterators(std::make_unique<Iterators>())
{
    UErrorCode status = U_ZERO_ERROR;
    // The root locale's word rules already use the CJK dictionary for Han and kana runs.
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_SUCCESS(status) && it)
        m_iterators->prototype = std::move(it);
}

Tokenizer::~Tokenizer() = default;
Tokenizer::Tokenizer(Tokenizer &&) noexcept = default;
Tokenizer &Tokenizer::operator=(Tokenizer &&) noexcept = default;

bool Tokenizer::usesDictionarySegmentation() const
{
    return m_iterators && m_iterators->prototype;
}

bool Tokenizer::isStopWord(const QString &word)
{
    static const QSet<QString> stopWords = [] {
        static const char *const words[] = {
            // English (function words common to the usual IR lists)
            "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are",
            "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but",
            "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for",
            "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself",
            "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just",
            "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once",
            "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same", "she",
            "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them",
            "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too",
            "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which",
            "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself",
            "yourselves",
            "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "can't", "won't",
            "i'm", "i've", "i'll", "i'd", "you're", "you've", "we're", "they're",
        };
        static const char16_t *const chinese[] = {
            u"的", u"了", u"和", u"是", u"在", u"与", u"及", u"或", u"之", u"其", u"也", u"就", u"都",
            u"而", u"着", u"把", u"被", u"等",
        };
        QSet<QString> set;
        for (const char *w : words)
            set.insert(QString::fromLatin1(w));
        for (const char16_t *w : chinese)
            set.insert(QString::fromUtf16(w));
        return set;
    }();
    return stopWords.contains(word);
}

static qsizetype codePointCount(const QString &s)
{
    qsizetype n = 0;
    for (QChar c : s) {
        if (!c.isLowSurrogate())
            ++n;
    }
    return n;
}

static bool containsLetterOrNumber(QStringView s)
{
    for (QChar c : s) {
        if (c.isLetterOrNumber() || c.isHighSurrogate())
            return true;
    }
    return false;
}

QStringList Tokenizer::tokenize(const QString &input) const
{
    QStringList tokens;
    if (input.isEmpty())
        return tokens;
    const QString text = m_settings.normalizeWidth ? input.normalized(QString::NormalizationForm_KC) : input;

    const auto accept = [&](QStringView piece) {
        QString token = m_settings.lowercase ? piece.toString().toCaseFolded() : piece.toString();
        token.replace(QChar(0x2019), QLatin1Char('\''));
        // English possessive: "Philosopher's" and "Philosopher" are the same term.
        if (token.size() > 2 && token.endsWith(QLatin1String("'s"), Qt::CaseInsensitive))
            token.chop(2);
        if (codePointCount(token) < m_settings.minTokenLength)
            return;
        if (m_settings.removeStopWords
            && isStopWord(m_settings.lowercase ? token : token.toCaseFolded()))
            return;
        tokens.append(std::move(token));
    };

    if (!usesDictionarySegmentation()) {
        QTextBoundaryFinder finder(QTextBoundaryFinder::Word, text);
        qsizetype start = 0;
        for (qsizetype end = finder.toNextBoundary(); end != -1; end = finder.toNextBoundary()) {
            const QStringView piece = QStringView(text).mid(start, end - start);
            if (containsLetterOrNumber(piece))
                accept(piece);
            start = end;
        }
        return tokens;
    }

    std::unique_ptr<icu::BreakIterator> it = m_iterators->acquire();
    // Read-only alias of the QString's UTF-16 buffer: no copy, and `text` outlives the iteration.
    const icu::UnicodeString ustr(false, reinterpret_cast<const char16_t *>(text.utf16()), int32_t(text.size()));
    it->setText(ustr);
    int32_t start = it->first();
    for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
        // Rule status below UBRK_WORD_NONE_LIMIT marks spaces, punctuation and symbols.
        if (it->getRuleStatus() >= UBRK_WORD_NONE_LIMIT)
            accept(QStringView(text).mid(start, end - start));
    }
    it->setText(icu::UnicodeString());
    m_iterators->release(std::move(it));
    return tokens;
}

} // namespace fl
