// The text modality: ICU tokenization (Chinese by dictionary), TF-IDF against hand-computed values,
// randomized truncated SVD against Eigen's JacobiSVD, and LSA embedding end to end.

#include "engine/core/Random.h"
#include "engine/data/CsvReader.h"
#include "engine/embedding/TextEmbedder.h"
#include "engine/embedding/TfidfEmbedder.h"
#include "engine/embedding/Tokenizer.h"
#include "engine/embedding/TruncatedSvd.h"

#include <Eigen/SVD>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <cmath>
#include <thread>

using namespace fl;

namespace {

bool closeRel(double actual, double expected, double tolerance)
{
    return std::abs(actual - expected) <= tolerance * std::max(1.0, std::abs(expected));
}

QStringList words(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *w : list)
        out << QString::fromUtf8(w);
    return out;
}

// A dense rows × cols matrix with the given leading singular values and a small noise floor.
Eigen::MatrixXd lowRankPlusNoise(int rows, int cols, const std::vector<double> &sigma, double noise,
                                 std::uint64_t seed)
{
    Random random(seed);
    const auto gaussian = [&](int r, int c) {
        Eigen::MatrixXd m(r, c);
        for (int j = 0; j < c; ++j)
            for (int i = 0; i < r; ++i)
                m(i, j) = random.normal();
        return m;
    };
    const int k = int(sigma.size());
    const Eigen::HouseholderQR<Eigen::MatrixXd> qu(gaussian(rows, k));
    const Eigen::HouseholderQR<Eigen::MatrixXd> qv(gaussian(cols, k));
    const Eigen::MatrixXd u = qu.householderQ() * Eigen::MatrixXd::Identity(rows, k);
    const Eigen::MatrixXd v = qv.householderQ() * Eigen::MatrixXd::Identity(cols, k);
    const Eigen::VectorXd s = Eigen::Map<const Eigen::VectorXd>(sigma.data(), k);
    return u * s.asDiagonal() * v.transpose() + noise * gaussian(rows, cols);
}

} // namespace

class TestText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokenizer_data();
    void tokenizer();
    void tokenizerSettings();
    void tokenizerIsThreadSafe();

    void tfidfHandComputed();
    void tfidfLimits();
    void tfidfSublinear();
    void tfidfEmptyVocabulary();

    void svdMatchesJacobi_data();
    void svdMatchesJacobi();
    void svdRankDeficient();
    void svdDeterministic();
    void svdRejectsBadInput();

    void embedIsLsa();
    void embedMissingRows();
    void embedReducedWidth();
    void embedErrors();
    void embedGoodbooksTitles();
};

void TestText::tokenizer_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("removeStopWords");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("chinese dictionary words") << QString::fromUtf8("电子产品和服装") << false
                                              << words({"电子", "产品", "和", "服装"});
    QTest::newRow("chinese stop word") << QString::fromUtf8("电子产品和服装") << true
                                       << words({"电子", "产品", "服装"});
    QTest::newRow("chinese punctuation") << QString::fromUtf8("「电脑」，手机；服装！") << true
                                         << words({"电脑", "手机", "服装"});
    QTest::newRow("english") << QStringLiteral("The Hunger Games (The Hunger Games, #1)") << true
                             << words({"hunger", "games", "hunger", "games", "1"});
    QTest::newRow("english possessive and case")
        << QStringLiteral("Harry Potter and the PHILOSOPHER'S Stone!") << true
        << words({"harry", "potter", "philosopher", "stone"});
    QTest::newRow("english keeps stop words") << QStringLiteral("To be, or not to be.") << false
                                              << words({"to", "be", "or", "not", "to", "be"});
    QTest::newRow("only stop words") << QStringLiteral("To be, or not to be.") << true << QStringList();
    QTest::newRow("mixed") << QString::fromUtf8("苹果手机和iPhone保护壳, 2nd Edition") << true
                           << words({"苹果", "手机", "iphone", "保护", "壳", "2nd", "edition"});
    QTest::newRow("mixed title") << QString::fromUtf8("Harry Potter与魔法石") << true
                                 << words({"harry", "potter", "魔法", "石"});
    QTest::newRow("full width") << QString::fromUtf8("ＡＢＣ　１２３") << true << words({"abc", "123"});
    QTest::newRow("empty") << QString() << true << QStringList();
    QTest::newRow("punctuation only") << QStringLiteral(" -- ... !? ") << true << QStringList();
}

void TestText::tokenizer()
{
    QFETCH(QString, text);
    QFETCH(bool, removeStopWords);
    QFETCH(QStringList, expected);
    TokenizerSettings settings;
    settings.removeStopWords = removeStopWords;
    const Tokenizer tokenizer(settings);
    QVERIFY(tokenizer.usesDictionarySegmentation());
    QCOMPARE(tokenizer.tokenize(text), expected);
}

void TestText::tokenizerSettings()
{
    TokenizerSettings keepCase;
    keepCase.lowercase = false;
    QCOMPARE(Tokenizer(keepCase).tokenize(QStringLiteral("The Hunger Games")), words({"Hunger", "Games"}));

    TokenizerSettings longWords;
    longWords.minTokenLength = 2;
    QCOMPARE(Tokenizer(longWords).tokenize(QString::fromUtf8("Volume 1 x 书 电子")), words({"volume", "电子"}));

    TokenizerSettings raw;
    raw.normalizeWidth = false;
    QCOMPARE(Tokenizer(raw).tokenize(QString::fromUtf8("ＡＢＣ")), words({"ａｂｃ"}));
}

void TestText::tokenizerIsThreadSafe()
{
    const Tokenizer tokenizer;
    QStringList docs;
    for (int i = 0; i < 400; ++i)
        docs << QString::fromUtf8("第%1卷 电子产品和服装 The Lord of the Rings, part %1").arg(i);
    std::vector<QStringList> serial;
    for (const QString &d : docs)
        serial.push_back(tokenizer.tokenize(d));
    // Four threads tokenize the whole list at once through the same const Tokenizer.
    std::vector<std::vector<QStringList>> parallel(4, std::vector<QStringList>(size_t(docs.size())));
    {
        std::vector<std::jthread> threads;
        for (auto &out : parallel) {
            threads.emplace_back([&] {
                for (qsizetype i = 0; i < docs.size(); ++i)
                    out[size_t(i)] = tokenizer.tokenize(docs[i]);
            });
        }
    }
    for (const auto &out : parallel)
        QVERIFY(out == serial);
    QVERIFY(serial[7].contains(QStringLiteral("rings")));
    QVERIFY(serial[7].contains(QString::fromUtf8("服装")));
}

void TestText::tfidfHandComputed()
{
    const std::vector<QStringList> docs = {
        words({"apple", "banana", "apple"}),
        words({"banana", "cherry"}),
        words({"durian", "cherry", "apple"}),
        {},
    };
    const Result<TfidfMatrix> r = buildTfidf(docs, TfidfSettings{});
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error()));
    const TfidfMatrix &m = *r;

    // df: apple 2, banana 2, cherry 2, durian 1 → ordered by df, then alphabetically.
    QCOMPARE(m.vocabulary, words({"apple", "banana", "cherry", "durian"}));
    QVERIFY(m.documentFrequency == (Eigen::VectorXi(4) << 2, 2, 2, 1).finished());
    const double n = 4.0;
    const double idf2 = std::log((1.0 + n) / (1.0 + 2.0)) + 1.0;
    const double idf1 = std::log((1.0 + n) / (1.0 + 1.0)) + 1.0;
    QVERIFY(closeRel(m.idf(0), idf2, 1e-12));
    QVERIFY(closeRel(m.idf(3), idf1, 1e-12));

    QCOMPARE(int(m.weights.rows()), 4);
    QCOMPARE(int(m.weights.cols()), 4);
    const Eigen::MatrixXd w = m.weights.toDense();
    Eigen::MatrixXd expected = Eigen::MatrixXd::Zero(4, 4);
    // doc 0: tf apple 2, banana 1, both idf2 → (2, 1) / √5
    expected(0, 0) = 2.0 / std::sqrt(5.0);
    expected(0, 1) = 1.0 / std::sqrt(5.0);
    // doc 1: banana, cherry, equal weights
    expected(1, 1) = 1.0 / std::sqrt(2.0);
    expected(1, 2) = 1.0 / std::sqrt(2.0);
    // doc 2: apple idf2, cherry idf2, durian idf1
    const double norm2 = std::sqrt(2.0 * idf2 * idf2 + idf1 * idf1);
    expected(2, 0) = idf2 / norm2;
    expected(2, 2) = idf2 / norm2;
    expected(2, 3) = idf1 / norm2;
    for (int i = 0; i < 4; ++i)
        for (int j = 0; j < 4; ++j)
            QVERIFY2(closeRel(w(i, j), expected(i, j), 1e-12), qPrintable(QStringLiteral("(%1, %2)").arg(i).arg(j)));
    QCOMPARE(int(m.weights.row(3).nonZeros()), 0);
    QCOMPARE(m.emptyRows, 1);
    QCOMPARE(int(m.weights.nonZeros()), 7);
}

void TestText::tfidfLimits()
{
    const std::vector<QStringList> docs = {
        words({"apple", "banana", "apple"}),
        words({"banana", "cherry"}),
        words({"durian", "cherry", "apple"}),
        {},
    };
    TfidfSettings minDf;
    minDf.minDocumentFrequency = 2;
    Result<TfidfMatrix> r = buildTfidf(docs, minDf);
    QVERIFY(r.ok());
    QCOMPARE(r->vocabulary, words({"apple", "banana", "cherry"}));
    // doc 2 loses durian: apple and cherry are left with equal weights.
    QVERIFY(closeRel(r->weights.coeff(2, 0), 1.0 / std::sqrt(2.0), 1e-12));
    QVERIFY(closeRel(r->idf(0), std::log(5.0 / 3.0) + 1.0, 1e-12));

    TfidfSettings maxDf;
    maxDf.maxDocumentFraction = 0.4; // at most 1.6 of 4 documents
    r = buildTfidf(docs, maxDf);
    QVERIFY(r.ok());
    QCOMPARE(r->vocabulary, words({"durian"}));
    QCOMPARE(r->emptyRows, 3);
    QVERIFY(closeRel(r->weights.coeff(2, 0), 1.0, 1e-12));

    TfidfSettings maxTerms;
    maxTerms.maxTerms = 2;
    r = buildTfidf(docs, maxTerms);
    QVERIFY(r.ok());
    QCOMPARE(r->vocabulary, words({"apple", "banana"}));
    QCOMPARE(int(r->weights.cols()), 2);

    TfidfSettings bad;
    bad.minDocumentFrequency = 0;
    QVERIFY(!buildTfidf(docs, bad).ok());
    bad = {};
    bad.maxDocumentFraction = 0.0;
    QVERIFY(!buildTfidf(docs, bad).ok());
}

void TestText::tfidfSublinear()
{
    const std::vector<QStringList> docs = {words({"apple", "banana", "apple", "apple"}), words({"banana", "cherry"})};
    TfidfSettings settings;
    settings.sublinearTf = true;
    const Result<TfidfMatrix> r = buildTfidf(docs, settings);
    QVERIFY(r.ok());
    // n = 2: banana df 2 → idf 1; apple, cherry df 1 → idf ln(3/2) + 1.
    QCOMPARE(r->vocabulary, words({"banana", "apple", "cherry"}));
    const double idfRare = std::log(1.5) + 1.0;
    const double apple = (1.0 + std::log(3.0)) * idfRare;
    const double banana = 1.0;
    const double norm = std::hypot(apple, banana);
    QVERIFY(closeRel(r->weights.coeff(0, 1), apple / norm, 1e-12));
    QVERIFY(closeRel(r->weights.coeff(0, 0), banana / norm, 1e-12));
}

void TestText::tfidfEmptyVocabulary()
{
    const Result<TfidfMatrix> none = buildTfidf({{}, {}}, TfidfSettings{});
    QVERIFY(!none.ok());
    QVERIFY2(none.error().contains(QStringLiteral("vocabulary is empty")), qPrintable(none.error()));

    TfidfSettings settings;
    settings.minDocumentFrequency = 3;
    const Result<TfidfMatrix> rare = buildTfidf({words({"a"}), words({"b"})}, settings);
    QVERIFY(!rare.ok());
    QVERIFY2(rare.error().contains(QStringLiteral("minimum document frequency")), qPrintable(rare.error()));

    QVERIFY(!buildTfidf({}, TfidfSettings{}).ok());
}

void TestText::svdMatchesJacobi_data()
{
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("cols");
    QTest::addColumn<std::uint64_t>("seed");
    QTest::newRow("tall") << 80 << 50 << std::uint64_t(1);
    QTest::newRow("wide") << 40 << 90 << std::uint64_t(2);
    QTest::newRow("square") << 60 << 60 << std::uint64_t(3);
}

void TestText::svdMatchesJacobi()
{
    QFETCH(int, rows);
    QFETCH(int, cols);
    QFETCH(std::uint64_t, seed);
    const std::vector<double> sigma = {20.0, 12.0, 9.0, 6.0, 4.0, 3.0};
    const int k = int(sigma.size());
    const Eigen::MatrixXd dense = lowRankPlusNoise(rows, cols, sigma, 1e-3, seed);
    const Eigen::SparseMatrix<double, Eigen::RowMajor> a = dense.sparseView();

    const Eigen::JacobiSVD<Eigen::MatrixXd> ref(dense, Eigen::ComputeThinU | Eigen::ComputeThinV);
    const Result<SvdResult> r = truncatedSvd(a, k, seed + 100);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error()));
    QCOMPARE(int(r->u.rows()), rows);
    QCOMPARE(int(r->u.cols()), k);
    QCOMPARE(int(r->v.rows()), cols);
    QCOMPARE(int(r->v.cols()), k);
    QCOMPARE(int(r->singularValues.size()), k);

    for (int j = 0; j < k; ++j) {
        QVERIFY2(closeRel(r->singularValues(j), ref.singularValues()(j), 1e-8),
                 qPrintable(QStringLiteral("σ%1 = %2, expected %3").arg(j).arg(r->singularValues(j), 0, 'g', 17)
                                .arg(ref.singularValues()(j), 0, 'g', 17)));
        QVERIFY(std::abs(std::abs(r->u.col(j).dot(ref.matrixU().col(j))) - 1.0) < 1e-8);
        QVERIFY(std::abs(std::abs(r->v.col(j).dot(ref.matrixV().col(j))) - 1.0) < 1e-8);
        // Sign convention: the largest-magnitude entry of each v is positive.
        Eigen::Index at = 0;
        r->v.col(j).cwiseAbs().maxCoeff(&at);
        QVERIFY(r->v(at, j) > 0.0);
    }
    QVERIFY((r->u.transpose() * r->u - Eigen::MatrixXd::Identity(k, k)).norm() < 1e-12);
    QVERIFY((r->v.transpose() * r->v - Eigen::MatrixXd::Identity(k, k)).norm() < 1e-12);

    // Rank-k reconstruction error equals the optimum √(Σ_{j>k} σ_j²) (Eckart–Young).
    const Eigen::MatrixXd approx = r->u * r->singularValues.asDiagonal() * r->v.transpose();
    const double optimal = ref.singularValues().tail(ref.singularValues().size() - k).norm();
    QVERIFY(closeRel((dense - approx).norm(), optimal, 1e-6));

    // k is capped at min(rows, cols).
    const Result<SvdResult> all = truncatedSvd(a, 1000, seed);
    QVERIFY(all.ok());
    QCOMPARE(int(all->singularValues.size()), std::min(rows, cols));
}

void TestText::svdRankDeficient()
{
    // Rank 2 exactly, asked for 5: the extra components have σ ≈ 0 and still orthonormal vectors.
    const Eigen::MatrixXd dense = lowRankPlusNoise(30, 20, {5.0, 2.0}, 0.0, 9);
    const Eigen::SparseMatrix<double, Eigen::RowMajor> a = dense.sparseView();
    const Result<SvdResult> r = truncatedSvd(a, 5, 7);
    QVERIFY(r.ok());
    QVERIFY(closeRel(r->singularValues(0), 5.0, 1e-10));
    QVERIFY(closeRel(r->singularValues(1), 2.0, 1e-10));
    QVERIFY(r->singularValues.tail(3).maxCoeff() < 1e-12);
    QVERIFY((r->u.transpose() * r->u - Eigen::MatrixXd::Identity(5, 5)).norm() < 1e-10);
    QVERIFY((r->v.transpose() * r->v - Eigen::MatrixXd::Identity(5, 5)).norm() < 1e-10);
}

void TestText::svdDeterministic()
{
    const Eigen::MatrixXd dense = lowRankPlusNoise(70, 45, {9.0, 7.0, 5.0, 3.0}, 1e-2, 11);
    const Eigen::SparseMatrix<double, Eigen::RowMajor> a = dense.sparseView();
    const Result<SvdResult> first = truncatedSvd(a, 4, 123);
    const Result<SvdResult> again = truncatedSvd(a, 4, 123);
    QVERIFY(first.ok() && again.ok());
    QVERIFY(first->u == again->u);
    QVERIFY(first->v == again->v);
    QVERIFY(first->singularValues == again->singularValues);

    // Another seed gives another sketch, but the same answer, signs included.
    for (std::uint64_t seed : {1u, 2u, 99u}) {
        const Result<SvdResult> other = truncatedSvd(a, 4, seed);
        QVERIFY(other.ok());
        QVERIFY((other->u - first->u).norm() < 1e-8);
        QVERIFY((other->v - first->v).norm() < 1e-8);
    }
}

void TestText::svdRejectsBadInput()
{
    const Eigen::SparseMatrix<double, Eigen::RowMajor> empty(0, 5);
    QVERIFY(!truncatedSvd(empty, 2, 1).ok());
    const Eigen::MatrixXd dense = Eigen::MatrixXd::Identity(4, 4);
    const Eigen::SparseMatrix<double, Eigen::RowMajor> a = dense.sparseView();
    QVERIFY(!truncatedSvd(a, 0, 1).ok());
    QVERIFY(!truncatedSvd(a, 2, 1, -1).ok());
    const Result<SvdResult> stopped = truncatedSvd(a, 2, 1, 3, 10, [](double) { return false; });
    QVERIFY(!stopped.ok());
    QCOMPARE(stopped.error(), QStringLiteral("cancelled"));
}

void TestText::embedIsLsa()
{
    const QStringList docs = {
        QStringLiteral("The Hunger Games"),
        QStringLiteral("Catching Fire (The Hunger Games, #2)"),
        QStringLiteral("Harry Potter and the Sorcerer's Stone"),
        QStringLiteral("Harry Potter and the Chamber of Secrets"),
        QString::fromUtf8("哈利·波特与魔法石"),
        QString::fromUtf8("饥饿游戏"),
        QStringLiteral("The Fellowship of the Ring"),
        QStringLiteral("The Two Towers (The Lord of the Rings, #2)"),
    };
    TextEmbedderSettings settings;
    settings.width = 4;
    std::vector<double> fractions;
    const Result<ModalityMatrix> r = embedText(QStringLiteral("title"), docs, {}, settings, [&](double f) {
        fractions.push_back(f);
        return true;
    });
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error()));
    QCOMPARE(r->name, QStringLiteral("title"));
    QCOMPARE(r->rows(), int(docs.size()));
    QCOMPARE(r->width(), 4);
    QCOMPARE(r->missingCount(), 0);
    QVERIFY(r->notes.isEmpty());
    QVERIFY2(r->description.startsWith(QStringLiteral("TF-IDF over ")), qPrintable(r->description));
    QVERIFY2(r->description.contains(QStringLiteral("LSA to 4 dimensions")), qPrintable(r->description));
    QVERIFY(!fractions.empty());
    QCOMPARE(fractions.back(), 1.0);
    QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));

    // Same steps by hand: E = W V_k.
    const Tokenizer tokenizer;
    std::vector<QStringList> tokens;
    for (const QString &d : docs)
        tokens.push_back(tokenizer.tokenize(d));
    const Result<TfidfMatrix> w = buildTfidf(tokens, TfidfSettings{});
    QVERIFY(w.ok());
    QVERIFY2(r->description.contains(QStringLiteral("over %1 terms").arg(w->vocabulary.size())), qPrintable(r->description));
    const Result<SvdResult> svd = truncatedSvd(w->weights, 4, settings.seed, settings.powerIterations);
    QVERIFY(svd.ok());
    const Eigen::MatrixXd expected = w->weights * svd->v;
    QVERIFY((r->values - expected).norm() < 1e-10 * expected.norm());
    const double share = svd->singularValues.squaredNorm() / w->weights.squaredNorm();
    QVERIFY2(r->description.contains(QStringLiteral("(%1% of the variance)").arg(qRound(share * 100.0))),
             qPrintable(r->description));

    // Books of one series land closer to each other than to another series.
    const auto cosine = [&](int a, int b) {
        return r->values.row(a).dot(r->values.row(b)) / (r->values.row(a).norm() * r->values.row(b).norm());
    };
    QVERIFY(cosine(0, 1) > cosine(0, 2));
    QVERIFY(cosine(2, 3) > cosine(2, 7));
}

void TestText::embedMissingRows()
{
    const QStringList docs = {
        QStringLiteral("red apple pie"),
        QStringLiteral("green apple tart"),
        QStringLiteral("ignored because the mask says missing"),
        QStringLiteral("   "),
        QStringLiteral("red cherry pie"),
        QStringLiteral("the and of"), // only stop words: no vocabulary term
        QStringLiteral("green cherry tart"),
    };
    std::vector<bool> missing(size_t(docs.size()), false);
    missing[2] = true;
    TextEmbedderSettings settings;
    settings.width = 3;
    const Result<ModalityMatrix> r = embedText(QStringLiteral("text"), docs, missing, settings);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error()));
    QCOMPARE(r->rows(), 7);
    QCOMPARE(r->width(), 3);
    const std::vector<bool> expectedMissing = {false, false, true, true, false, true, false};
    QCOMPARE(r->missing, expectedMissing);

    Eigen::RowVectorXd mean = Eigen::RowVectorXd::Zero(3);
    for (int i : {0, 1, 4, 6})
        mean += r->values.row(i) / 4.0;
    for (int i : {2, 3, 5})
        QVERIFY((r->values.row(i) - mean).norm() < 1e-12);
    QVERIFY(r->values.row(0).norm() > 0.1);

    // The vocabulary comes from the fitted documents only: "ignored", "mask" never enter it.
    QVERIFY2(r->description.contains(QStringLiteral("over 6 terms")), qPrintable(r->description));
    QCOMPARE(r->notes.size(), 2);
    QVERIFY2(r->notes[0].startsWith(QStringLiteral("2 of 7 items have no text")), qPrintable(r->notes[0]));
    QVERIFY2(r->notes[1].startsWith(QStringLiteral("Items with text but no word of the vocabulary")), qPrintable(r->notes[1]));
    QVERIFY2(r->notes[1].contains(QStringLiteral(": 1;")), qPrintable(r->notes[1]));
}

void TestText::embedReducedWidth()
{
    // Three documents, five terms: at most three LSA dimensions.
    const QStringList docs = {QStringLiteral("apple banana"), QStringLiteral("cherry durian"),
                              QStringLiteral("apple elderberry")};
    TextEmbedderSettings settings;
    settings.width = 32;
    Result<ModalityMatrix> r = embedText(QStringLiteral("text"), docs, {}, settings);
    QVERIFY(r.ok());
    QCOMPARE(r->width(), 3);
    QCOMPARE(r->notes.size(), 1);
    QVERIFY2(r->notes[0].startsWith(QStringLiteral("Width reduced from 32 to 3")), qPrintable(r->notes[0]));
    QVERIFY2(r->description.contains(QStringLiteral("(100% of the variance)")), qPrintable(r->description));

    // Identical documents have rank 1: every further direction would be noise.
    r = embedText(QStringLiteral("text"), {QStringLiteral("red apple"), QStringLiteral("red apple"),
                                           QStringLiteral("Red, apple!")}, {}, settings);
    QVERIFY(r.ok());
    QCOMPARE(r->width(), 1);
    QVERIFY2(r->notes[0].contains(QStringLiteral("rank 1")), qPrintable(r->notes[0]));
    QVERIFY(closeRel(r->values(0, 0), 1.0, 1e-12));
    QVERIFY(closeRel(r->values(2, 0), 1.0, 1e-12));
}

void TestText::embedErrors()
{
    TextEmbedderSettings settings;
    const QStringList stopWordsOnly = {QStringLiteral("the and of"), QStringLiteral("to be or not to be")};
    Result<ModalityMatrix> r = embedText(QStringLiteral("text"), stopWordsOnly, {}, settings);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(QStringLiteral("vocabulary is empty")), qPrintable(r.error()));
    QVERIFY2(r.error().contains(QStringLiteral("'text'")), qPrintable(r.error()));

    r = embedText(QStringLiteral("text"), {QString(), QString()}, {}, settings);
    QVERIFY(!r.ok());

    r = embedText(QStringLiteral("text"), {QStringLiteral("a b")}, {true, false}, settings);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(QStringLiteral("mask")), qPrintable(r.error()));

    settings.width = 0;
    QVERIFY(!embedText(QStringLiteral("text"), {QStringLiteral("apple")}, {}, settings).ok());

    settings.width = 2;
    int calls = 0;
    r = embedText(QStringLiteral("text"), {QStringLiteral("apple pie"), QStringLiteral("cherry pie")}, {}, settings,
                  [&](double) { return ++calls < 2; });
    QVERIFY(!r.ok());
    QCOMPARE(r.error(), QStringLiteral("cancelled"));
    QCOMPARE(calls, 2);
}

void TestText::embedGoodbooksTitles()
{
    const QString path = QStringLiteral(FUSIONLAB_SHARED_DIR "/data/goodbooks-10k/books.csv");
    if (!QFile::exists(path))
        QSKIP("goodbooks-10k/books.csv is not available");
    CsvOptions options;
    options.hasHeader = false;
    Result<CsvTable> table = readCsv(path, options);
    QVERIFY2(table.ok(), qPrintable(table.ok() ? QString() : table.error()));
    const std::vector<QStringList> &records = table->rows;
    QVERIFY(records.size() > 1);
    QCOMPARE(records[0].value(10), QStringLiteral("title"));
    QStringList titles;
    for (size_t i = 1; i < records.size(); ++i) {
        QCOMPARE(records[i].size(), records[0].size());
        titles << records[i][10];
    }
    QCOMPARE(int(titles.size()), 10000);

    TextEmbedderSettings settings;
    settings.width = 32;
    QElapsedTimer timer;
    timer.start();
    const Result<ModalityMatrix> r = embedText(QStringLiteral("title"), titles, {}, settings);
    qDebug() << "goodbooks titles:" << timer.elapsed() << "ms;" << (r.ok() ? r->description : r.error());
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error()));
    QCOMPARE(r->rows(), 10000);
    QCOMPARE(r->width(), 32);
    QVERIFY(r->values.allFinite());
    QVERIFY(r->missingCount() < 100);
    for (const QString &note : r->notes)
        qDebug() << note;
}

QTEST_GUILESS_MAIN(TestText)
#include "test_text.moc"
