// The built-in demo dataset: deterministic generation (same seed → same bytes and pixels, other seed →
// other data), the floors the app relies on (items, categories, users, ratings, 64×64 images), the
// manifest's shape, the ground truth visible where it should be (colour and category in the pixels,
// never a colour in the text, quality in the price, population effects in the ratings and in which
// items users chose), and the committed resource copy equal to a fresh generation so the two can
// never drift apart. The "demo-missing" variant: the documented counts of missing images and texts,
// the same choice on every load, nothing else changed.

#include "engine/core/Random.h"
#include "engine/data/CsvReader.h"
#include "engine/data/DatasetImport.h"
#include "engine/data/DemoGenerator.h"

#include <Eigen/Dense>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <numeric>

using namespace fl;

namespace {

QByteArray readBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Every record of a CSV file, the header included, read by the engine's RFC 4180 reader.
QList<QStringList> readCsv(const QString &path)
{
    CsvOptions options;
    options.hasHeader = false;
    Result<CsvTable> table = fl::readCsv(path, options);
    return table ? QList<QStringList>(table->rows.begin(), table->rows.end()) : QList<QStringList>();
}

QImage readImage(const QString &path)
{
    return QImage(path).convertToFormat(QImage::Format_RGB32);
}

// Rows of a CSV as maps from header name to value.
struct Table
{
    QStringList header;
    QList<QStringList> rows;
    QString value(int row, const QString &column) const { return rows[row][header.indexOf(column)]; }
};

Table readTable(const QString &path)
{
    QList<QStringList> records = readCsv(path);
    Table table;
    if (!records.isEmpty())
        table.header = records.takeFirst();
    table.rows = records;
    return table;
}

const QStringList kTextFiles{QStringLiteral("manifest.json"), QStringLiteral("items.csv"), QStringLiteral("ratings.csv"),
                             QStringLiteral("ground_truth.csv"), QStringLiteral("README.txt")};

bool generate(const QString &dir, const DemoSettings &settings = {})
{
    const Result<void> written = writeDemoDataset(dir, settings);
    if (!written)
        qWarning("%s", qPrintable(written.error()));
    return written.ok();
}

int colourIndex(const QString &id)
{
    const auto colours = demoColours();
    for (size_t k = 0; k < colours.size(); ++k)
        if (id == QLatin1String(colours[k].id))
            return int(k);
    return -1;
}

int styleIndex(const QString &id)
{
    const auto styles = demoStyles();
    for (size_t s = 0; s < styles.size(); ++s)
        if (id == QLatin1String(styles[s].id))
            return int(s);
    return -1;
}

int categoryIndex(const QString &nameZh)
{
    const auto categories = demoCategories();
    for (size_t c = 0; c < categories.size(); ++c)
        if (nameZh == QString::fromUtf8(categories[c].nameZh))
            return int(c);
    return -1;
}

// Coefficient of determination of a least-squares fit of y on X (X holds its own intercept column).
double rSquared(const Eigen::MatrixXd &x, const Eigen::VectorXd &y)
{
    const Eigen::VectorXd beta = x.colPivHouseholderQr().solve(y);
    const double residual = (y - x * beta).squaredNorm();
    const double total = (y.array() - y.mean()).matrix().squaredNorm();
    return 1.0 - residual / total;
}

} // namespace

class TestDemo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_default.isValid());
        QVERIFY(generate(m_default.path()));
    }

    void sameSeedGivesIdenticalFilesAndPixels()
    {
        QTemporaryDir again;
        QVERIFY(again.isValid());
        QVERIFY(generate(again.path()));
        for (const QString &name : kTextFiles) {
            const QByteArray first = readBytes(QDir(m_default.path()).filePath(name));
            QVERIFY2(!first.isEmpty(), qPrintable(name));
            QVERIFY2(first == readBytes(QDir(again.path()).filePath(name)), qPrintable(name));
        }
        const QStringList images = QDir(m_default.filePath(QStringLiteral("images"))).entryList(QDir::Files, QDir::Name);
        QCOMPARE(images.size(), 600);
        QCOMPARE(QDir(again.filePath(QStringLiteral("images"))).entryList(QDir::Files, QDir::Name), images);
        for (const QString &name : images) {
            const QString relative = QStringLiteral("images/") + name;
            QVERIFY2(readImage(m_default.filePath(relative)) == readImage(again.filePath(relative)), qPrintable(name));
        }
    }

    void otherSeedDiffers()
    {
        QTemporaryDir other;
        QVERIFY(other.isValid());
        DemoSettings settings;
        settings.seed += 1;
        QVERIFY(generate(other.path(), settings));
        for (const QString &name : {QStringLiteral("items.csv"), QStringLiteral("ratings.csv"), QStringLiteral("ground_truth.csv")})
            QVERIFY2(readBytes(m_default.filePath(name)) != readBytes(other.filePath(name)), qPrintable(name));
        int differentImages = 0;
        for (int i = 1; i <= 600; ++i) {
            const QString relative = QStringLiteral("images/i%1.png").arg(i, 4, 10, QLatin1Char('0'));
            differentImages += readImage(m_default.filePath(relative)) != readImage(other.filePath(relative));
        }
        QVERIFY2(differentImages > 500, qPrintable(QString::number(differentImages)));
    }

    void countsMeetTheFloors()
    {
        const Table items = readTable(m_default.filePath(QStringLiteral("items.csv")));
        QCOMPARE(items.header, (QStringList{"item_id", "title_zh", "title_en", "description_zh", "description_en",
                                            "category", "category_en", "price", "image"}));
        QVERIFY(items.rows.size() >= 500);
        QSet<QString> ids, categories;
        for (int r = 0; r < items.rows.size(); ++r) {
            QCOMPARE(items.rows[r].size(), items.header.size());
            const QString id = items.value(r, "item_id");
            QVERIFY2(!ids.contains(id), qPrintable(id));
            ids.insert(id);
            categories.insert(items.value(r, "category"));
            bool numeric = false;
            const double price = items.value(r, "price").toDouble(&numeric);
            QVERIFY2(numeric && price > 0, qPrintable(id));
            QCOMPARE(items.value(r, "image"), QStringLiteral("images/%1.png").arg(id));
            for (const char *column : {"title_zh", "title_en", "description_zh", "description_en"})
                QVERIFY2(!items.value(r, column).trimmed().isEmpty(), qPrintable(id + u' ' + QLatin1String(column)));

            const QImage image(m_default.filePath(items.value(r, "image")));
            QVERIFY2(!image.isNull(), qPrintable(id));
            QCOMPARE(image.size(), QSize(64, 64));
        }
        QVERIFY(categories.size() >= 6);
        QVERIFY(categories.contains(QStringLiteral("电子产品")));
        QVERIFY(categories.contains(QStringLiteral("服装")));

        const Table ratings = readTable(m_default.filePath(QStringLiteral("ratings.csv")));
        QCOMPARE(ratings.header, (QStringList{"user_id", "item_id", "rating", "timestamp"}));
        QVERIFY(ratings.rows.size() >= 10000);
        QSet<QString> users, pairs;
        QHash<QString, int> perUser;
        qint64 previous = 0;
        for (int r = 0; r < ratings.rows.size(); ++r) {
            const QString user = ratings.value(r, "user_id");
            const QString item = ratings.value(r, "item_id");
            QVERIFY2(ids.contains(item), qPrintable(item));
            bool integer = false;
            const int value = ratings.value(r, "rating").toInt(&integer);
            QVERIFY(integer && value >= 1 && value <= 5);
            const qint64 time = ratings.value(r, "timestamp").toLongLong();
            QVERIFY(time >= previous);
            previous = time;
            const QString pair = user + u'|' + item;
            QVERIFY2(!pairs.contains(pair), qPrintable(pair));
            pairs.insert(pair);
            users.insert(user);
            ++perUser[user];
        }
        QVERIFY(users.size() >= 200);
        for (auto it = perUser.cbegin(); it != perUser.cend(); ++it)
            QCOMPARE(it.value(), DemoSettings{}.ratingsPerUser);
    }

    void manifestHasTheLoaderShape()
    {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(readBytes(m_default.filePath("manifest.json")), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonObject root = doc.object();
        QCOMPARE(root.value("fusionlab_manifest").toInt(), 1);
        QCOMPARE(root.value("name").toString(), QStringLiteral("FusionLab demo shop"));
        const QJsonObject items = root.value("items").toObject();
        QCOMPARE(items.value("file").toString(), QStringLiteral("items.csv"));
        QCOMPARE(items.value("id").toString(), QStringLiteral("item_id"));
        QCOMPARE(items.value("title").toString(), QStringLiteral("title_en"));
        QCOMPARE(items.value("category").toString(), QStringLiteral("category"));
        const QJsonObject interactions = root.value("interactions").toObject();
        QCOMPARE(interactions.value("file").toString(), QStringLiteral("ratings.csv"));
        QCOMPARE(interactions.value("user").toString(), QStringLiteral("user_id"));
        QCOMPARE(interactions.value("item").toString(), QStringLiteral("item_id"));
        QCOMPARE(interactions.value("rating").toString(), QStringLiteral("rating"));
        QCOMPARE(interactions.value("timestamp").toString(), QStringLiteral("timestamp"));

        const QJsonArray modalities = root.value("modalities").toArray();
        QCOMPARE(modalities.size(), 3);
        const QJsonObject text = modalities[0].toObject();
        QCOMPARE(text.value("name").toString(), QStringLiteral("text"));
        QCOMPARE(text.value("kind").toString(), QStringLiteral("text"));
        QCOMPARE(text.value("columns").toArray(),
                 QJsonArray({"title_en", "description_en", "title_zh", "description_zh"}));
        const QJsonObject image = modalities[1].toObject();
        QCOMPARE(image.value("name").toString(), QStringLiteral("image"));
        QCOMPARE(image.value("kind").toString(), QStringLiteral("image"));
        QCOMPARE(image.value("path").toString(), QStringLiteral("images/{item_id}.png"));
        const QJsonObject price = modalities[2].toObject();
        QCOMPARE(price.value("name").toString(), QStringLiteral("price"));
        QCOMPARE(price.value("kind").toString(), QStringLiteral("numeric"));
        QCOMPARE(price.value("columns").toArray(), QJsonArray({"price"}));
    }

    void textNamesCategoryAndStyleButNeverColour()
    {
        const Table items = readTable(m_default.filePath(QStringLiteral("items.csv")));
        const Table truth = readTable(m_default.filePath(QStringLiteral("ground_truth.csv")));
        QCOMPARE(truth.header, (QStringList{"item_id", "category", "colour", "style", "quality"}));
        QCOMPARE(truth.rows.size(), items.rows.size());
        const QRegularExpression englishColour(
            QStringLiteral("\\b(red|orange|yellow|green|blue|purple|violet|black|white|gr[ae]y|gold(en)?|silver|"
                           "pink|brown|beige|colou?rs?|colou?rful)\\b"),
            QRegularExpression::CaseInsensitiveOption);
        // Single characters where they always name a colour; 金 and 银 only as colours (合金 is "alloy").
        const QRegularExpression chineseColour(QStringLiteral("[红橙黄绿蓝紫黑白灰粉棕]|金色|金黄|银色|银白|彩色|颜色|色彩"));
        for (int r = 0; r < items.rows.size(); ++r) {
            const QString id = items.value(r, "item_id");
            QCOMPARE(truth.value(r, "item_id"), id);
            QCOMPARE(truth.value(r, "category"), items.value(r, "category"));
            const QString english = items.value(r, "title_en") + u' ' + items.value(r, "description_en");
            const QString chinese = items.value(r, "title_zh") + items.value(r, "description_zh");
            QVERIFY2(!englishColour.match(english).hasMatch(), qPrintable(id + u' ' + english));
            QVERIFY2(!chineseColour.match(chinese).hasMatch(), qPrintable(id + u' ' + chinese));

            const int style = styleIndex(truth.value(r, "style"));
            QVERIFY(style >= 0);
            QVERIFY2(items.value(r, "title_en").startsWith(QLatin1String(demoStyles()[size_t(style)].id), Qt::CaseInsensitive),
                     qPrintable(id));
            QVERIFY2(items.value(r, "title_zh").startsWith(QString::fromUtf8(demoStyles()[size_t(style)].nameZh)),
                     qPrintable(id));
        }
    }

    void pixelsCarryColourAndCategory()
    {
        checkPixels(m_default.path());
        QTemporaryDir other;
        QVERIFY(other.isValid());
        DemoSettings settings;
        settings.seed = 7;
        settings.ratingsPerUser = 1;
        QVERIFY(generate(other.path(), settings));
        checkPixels(other.path());
    }

    void groundTruthEffectsReachTheRatings()
    {
        checkEffects(m_default.path());
        for (std::uint64_t seed : {7ULL, 123456789ULL}) {
            QTemporaryDir other;
            QVERIFY(other.isValid());
            DemoSettings settings;
            settings.seed = seed;
            QVERIFY(generate(other.path(), settings));
            checkEffects(other.path());
        }
    }

    void smallSettings()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        DemoSettings settings;
        settings.items = 12;
        settings.users = 5;
        settings.ratingsPerUser = 12;
        QVERIFY(generate(dir.path(), settings));
        QCOMPARE(readTable(dir.filePath("items.csv")).rows.size(), 12);
        const Table ratings = readTable(dir.filePath("ratings.csv"));
        QCOMPARE(ratings.rows.size(), 60);
        QCOMPARE(QDir(dir.filePath("images")).entryList(QDir::Files).size(), 12);
        QCOMPARE(readTable(dir.filePath("items.csv")).value(11, "item_id"), QStringLiteral("i0012"));
        QCOMPARE(ratings.value(0, "user_id").size(), 5); // "u0003"
    }

    void badSettingsAndUnwritableFolder()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        DemoSettings settings;
        settings.items = 3;
        QVERIFY(!writeDemoDataset(dir.path(), settings).ok());
        settings = {};
        settings.ratingsPerUser = settings.items + 1;
        QVERIFY(!writeDemoDataset(dir.path(), settings).ok());
        settings = {};
        settings.users = 0;
        QVERIFY(!writeDemoDataset(dir.path(), settings).ok());

        QFile blocker(dir.filePath("file"));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const Result<void> written = writeDemoDataset(dir.filePath("file/demo"));
        QVERIFY(!written.ok());
        QVERIFY2(written.error().contains(QStringLiteral("file")), qPrintable(written.error()));
    }

    void demoMissingHasTheDocumentedGaps()
    {
        QCOMPARE(detectDatasetFormat(kDemoMissingPath), DatasetFormat::Demo);
        Result<Dataset> demo = importDataset(QStringLiteral("demo"));
        Result<Dataset> variant = importDataset(kDemoMissingPath);
        QVERIFY2(demo.ok(), qPrintable(demo.ok() ? QString() : demo.error()));
        QVERIFY2(variant.ok(), qPrintable(variant.ok() ? QString() : variant.error()));
        QVERIFY(variant->name.contains(QStringLiteral("missing")));

        // Items, users and ratings are the demo's.
        QCOMPARE(variant->itemIds, demo->itemIds);
        QCOMPARE(variant->itemTitles, demo->itemTitles);
        QCOMPARE(variant->userIds, demo->userIds);
        QCOMPARE(variant->interactionItem, demo->interactionItem);
        QCOMPARE(variant->interactionUser, demo->interactionUser);
        QVERIFY(variant->rating == demo->rating);

        // The demo itself has no gaps; the variant 150 images and 150 texts, never both for one item.
        const ModalitySource *text = variant->modality(QStringLiteral("text"));
        const ModalitySource *image = variant->modality(QStringLiteral("image"));
        const ModalitySource *price = variant->modality(QStringLiteral("price"));
        QVERIFY(text && image && price);
        QCOMPARE(demo->modality(QStringLiteral("text"))->missingCount(), 0);
        QCOMPARE(demo->modality(QStringLiteral("image"))->missingCount(), 0);
        QCOMPARE(text->missingCount(), 150);
        QCOMPARE(image->missingCount(), 150);
        QCOMPARE(price->missingCount(), 0);
        QVERIFY(price->values == demo->modality(QStringLiteral("price"))->values);
        for (int i = 0; i < variant->itemCount(); ++i) {
            QVERIFY(!(text->missing[size_t(i)] && image->missing[size_t(i)]));
            // A missing entry is empty; every other one is the demo's own.
            QCOMPARE(text->texts[i].isEmpty(), bool(text->missing[size_t(i)]));
            QCOMPARE(image->imagePaths[i].isEmpty(), bool(image->missing[size_t(i)]));
            if (!text->missing[size_t(i)])
                QCOMPARE(text->texts[i], demo->modality(QStringLiteral("text"))->texts[i]);
            if (!image->missing[size_t(i)])
                QCOMPARE(image->imagePaths[i], demo->modality(QStringLiteral("image"))->imagePaths[i]);
        }

        // The same items on every load: the first 150 of the seeded shuffle lose their image, the next 150
        // their text (recomputed here from the documented rule).
        Result<Dataset> again = importDataset(kDemoMissingPath);
        QVERIFY(again.ok());
        QCOMPARE(again->modality(QStringLiteral("text"))->missing, text->missing);
        QCOMPARE(again->modality(QStringLiteral("image"))->missing, image->missing);
        std::vector<int> order(600);
        std::iota(order.begin(), order.end(), 0);
        Random rng(DemoMissingSettings{}.seed);
        rng.shuffle(order.begin(), order.end());
        for (int r = 0; r < 300; ++r)
            QVERIFY((r < 150 ? image : text)->missing[size_t(order[size_t(r)])]);
    }

    void demoMissingSettings()
    {
        const Result<Dataset> loaded = importDataset(QStringLiteral("demo"));
        QVERIFY(loaded.ok());

        Dataset other = *loaded;
        QVERIFY(removeDemoModalities(other, {7, 0.1, 0.4}).ok());
        QCOMPARE(other.modality(QStringLiteral("image"))->missingCount(), 60);
        QCOMPARE(other.modality(QStringLiteral("text"))->missingCount(), 240);
        Dataset standard = *loaded;
        QVERIFY(removeDemoModalities(standard).ok());
        QVERIFY(other.modality(QStringLiteral("image"))->missing != standard.modality(QStringLiteral("image"))->missing);

        // Shares that cannot be met leave the dataset untouched.
        Dataset bad = *loaded;
        const Result<void> tooMany = removeDemoModalities(bad, {1, 0.6, 0.5});
        QVERIFY(!tooMany.ok());
        QVERIFY(tooMany.error().contains(QStringLiteral("at most 1")));
        QCOMPARE(bad.modality(QStringLiteral("image"))->missingCount(), 0);
        QCOMPARE(bad.modality(QStringLiteral("text"))->missingCount(), 0);
        Dataset noImage = *loaded;
        noImage.modalities.erase(noImage.modalities.begin() + 1);
        QVERIFY(!removeDemoModalities(noImage).ok());
    }

    void resourceCopyEqualsFreshGeneration()
    {
        QVERIFY2(QFile::exists(":/demo/manifest.json"), "the demo dataset is not in the Qt resources");
        for (const QString &name : kTextFiles) {
            QVERIFY2(readBytes(":/demo/" + name) == readBytes(m_default.filePath(name)),
                     qPrintable(name + QStringLiteral(" differs: regenerate resources/demo")));
        }
        const QString committed = QStringLiteral(FUSIONLAB_SOURCE_DIR "/resources/demo/");
        QVERIFY(readBytes(committed + "README.txt") == readBytes(m_default.filePath("README.txt")));
        // Embedded too: export-demo writes the README the dataset's folder promises.
        QVERIFY(QFile::exists(":/demo/README.txt"));

        const QStringList fresh = QDir(m_default.filePath("images")).entryList(QDir::Files, QDir::Name);
        QCOMPARE(QDir(":/demo/images").entryList(QDir::Files, QDir::Name), fresh);
        QCOMPARE(QDir(committed + "images").entryList(QDir::Files, QDir::Name), fresh);
        for (const QString &name : fresh) {
            QVERIFY2(readImage(":/demo/images/" + name) == readImage(m_default.filePath("images/" + name)),
                     qPrintable(name + QStringLiteral(" differs: regenerate resources/demo")));
        }
    }

private:
    // The mean colour of an image is a blend of the background and the item's colour, so its offset
    // from the background points towards the item's colour: the nearest palette colour by angle must
    // be the ground truth. The category must be the nearest category by (centred) foreground silhouette.
    void checkPixels(const QString &dir)
    {
        const Table truth = readTable(QDir(dir).filePath("ground_truth.csv"));
        const DemoRgb bg = demoBackground();
        const Eigen::Vector3d background(bg.red, bg.green, bg.blue);
        const auto colours = demoColours();
        const int n = int(truth.rows.size());
        QVERIFY(n > 0);

        std::vector<int> category(static_cast<size_t>(n));
        Eigen::MatrixXd silhouettes(n, 64 * 64);
        for (int r = 0; r < n; ++r) {
            const QString id = truth.value(r, "item_id");
            const QImage image = readImage(QDir(dir).filePath("images/" + id + ".png"));
            QCOMPARE(image.size(), QSize(64, 64));
            Eigen::Vector3d sum = Eigen::Vector3d::Zero();
            std::vector<QPoint> foreground;
            QPointF centre;
            for (int y = 0; y < 64; ++y) {
                for (int x = 0; x < 64; ++x) {
                    const QRgb p = image.pixel(x, y);
                    const Eigen::Vector3d rgb(qRed(p), qGreen(p), qBlue(p));
                    sum += rgb;
                    if ((rgb - background).cwiseAbs().sum() > 60) {
                        foreground.emplace_back(x, y);
                        centre += QPointF(x, y);
                    }
                }
            }
            // The shapes are jittered: compare silhouettes centred on their centre of mass.
            QVERIFY2(foreground.size() > 64 * 64 / 5, qPrintable(id));
            centre /= double(foreground.size());
            const QPoint shift(int(std::lround(31.5 - centre.x())), int(std::lround(31.5 - centre.y())));
            silhouettes.row(r).setZero();
            for (const QPoint &point : foreground) {
                const QPoint moved = point + shift;
                if (moved.x() >= 0 && moved.x() < 64 && moved.y() >= 0 && moved.y() < 64)
                    silhouettes(r, moved.y() * 64 + moved.x()) = 1.0;
            }
            const Eigen::Vector3d offset = sum / (64.0 * 64.0) - background;
            int nearest = -1;
            double best = -2;
            for (size_t k = 0; k < colours.size(); ++k) {
                const Eigen::Vector3d direction =
                    Eigen::Vector3d(colours[k].rgb.red, colours[k].rgb.green, colours[k].rgb.blue) - background;
                const double cosine = offset.dot(direction) / (offset.norm() * direction.norm());
                if (cosine > best) {
                    best = cosine;
                    nearest = int(k);
                }
            }
            QVERIFY2(nearest == colourIndex(truth.value(r, "colour")),
                     qPrintable(id + QStringLiteral(": looks ") + QLatin1String(colours[size_t(nearest)].id)
                                + QStringLiteral(", is ") + truth.value(r, "colour")));
            category[size_t(r)] = categoryIndex(truth.value(r, "category"));
            QVERIFY(category[size_t(r)] >= 0);
        }

        const int categories = int(demoCategories().size());
        Eigen::MatrixXd centroids = Eigen::MatrixXd::Zero(categories, 64 * 64);
        Eigen::VectorXd counts = Eigen::VectorXd::Zero(categories);
        for (int r = 0; r < n; ++r) {
            centroids.row(category[size_t(r)]) += silhouettes.row(r);
            counts(category[size_t(r)]) += 1;
        }
        for (int c = 0; c < categories; ++c)
            centroids.row(c) /= std::max(1.0, counts(c));
        for (int r = 0; r < n; ++r) {
            Eigen::Index nearest = 0;
            (centroids.rowwise() - silhouettes.row(r)).rowwise().squaredNorm().minCoeff(&nearest);
            QVERIFY2(int(nearest) == category[size_t(r)], qPrintable(truth.value(r, "item_id")));
        }
    }

    // The population effects are large enough to see in plain averages, the price tracks the hidden
    // quality, and item-level fits on what each modality shows differ: fused > image-visible > text-visible.
    void checkEffects(const QString &dir)
    {
        const Table items = readTable(QDir(dir).filePath("items.csv"));
        const Table truth = readTable(QDir(dir).filePath("ground_truth.csv"));
        const Table ratings = readTable(QDir(dir).filePath("ratings.csv"));
        const int n = int(items.rows.size());
        QHash<QString, int> row;
        for (int r = 0; r < n; ++r)
            row.insert(items.value(r, "item_id"), r);

        std::vector<int> category(static_cast<size_t>(n)), colour(static_cast<size_t>(n)), style(static_cast<size_t>(n));
        Eigen::VectorXd quality(n), price(n), sum = Eigen::VectorXd::Zero(n), count = Eigen::VectorXd::Zero(n);
        for (int r = 0; r < n; ++r) {
            category[size_t(r)] = categoryIndex(truth.value(r, "category"));
            colour[size_t(r)] = colourIndex(truth.value(r, "colour"));
            style[size_t(r)] = styleIndex(truth.value(r, "style"));
            quality(r) = truth.value(r, "quality").toDouble();
            price(r) = items.value(r, "price").toDouble();
        }
        for (int k = 0; k < ratings.rows.size(); ++k) {
            const int r = row.value(ratings.value(k, "item_id"));
            sum(r) += ratings.value(k, "rating").toDouble();
            count(r) += 1;
        }

        const auto meanRating = [&](const std::vector<int> &label, int value) {
            double s = 0, c = 0;
            for (int r = 0; r < n; ++r) {
                if (label[size_t(r)] == value) {
                    s += sum(r);
                    c += count(r);
                }
            }
            return s / c;
        };
        // blue (+0.45) vs yellow (−0.45), minimal (+0.35) vs cute (−0.35), electronics (+0.30) vs home (−0.35).
        QVERIFY(meanRating(colour, colourIndex("blue")) - meanRating(colour, colourIndex("yellow")) > 0.5);
        QVERIFY(meanRating(style, styleIndex("minimal")) - meanRating(style, styleIndex("cute")) > 0.4);
        QVERIFY(meanRating(category, 0) - meanRating(category, 5) > 0.3);

        for (int c = 0; c < int(demoCategories().size()); ++c) {
            std::vector<int> members;
            for (int r = 0; r < n; ++r)
                if (category[size_t(r)] == c)
                    members.push_back(r);
            Eigen::VectorXd p(Eigen::Index(members.size())), q(Eigen::Index(members.size()));
            for (size_t m = 0; m < members.size(); ++m) {
                p(Eigen::Index(m)) = price(members[m]);
                q(Eigen::Index(m)) = quality(members[m]);
            }
            const Eigen::ArrayXd pc = p.array() - p.mean(), qc = q.array() - q.mean();
            const double correlation = (pc * qc).sum() / std::sqrt(pc.square().sum() * qc.square().sum());
            QVERIFY2(correlation > 0.95, qPrintable(QString::number(correlation)));
        }

        // Item-level least squares on what each modality can see (rated items only).
        std::vector<int> rated;
        for (int r = 0; r < n; ++r)
            if (count(r) >= 5)
                rated.push_back(r);
        const int m = int(rated.size());
        QVERIFY(m > n / 2);
        const auto design = [&](bool withStyle, bool withColour, bool withPrice) {
            const int width = 1 + 5 + (withStyle ? 5 : 0) + (withColour ? 5 : 0) + (withPrice ? 1 : 0);
            Eigen::MatrixXd x = Eigen::MatrixXd::Zero(m, width);
            for (int i = 0; i < m; ++i) {
                const int r = rated[size_t(i)];
                int column = 0;
                x(i, column++) = 1.0;
                const auto oneHot = [&](int value) {
                    if (value > 0)
                        x(i, column + value - 1) = 1.0;
                    column += 5;
                };
                oneHot(category[size_t(r)]);
                if (withStyle)
                    oneHot(style[size_t(r)]);
                if (withColour)
                    oneHot(colour[size_t(r)]);
                if (withPrice)
                    x(i, column++) = price(r);
            }
            return x;
        };
        Eigen::VectorXd y(m);
        for (int i = 0; i < m; ++i)
            y(i) = sum(rated[size_t(i)]) / count(rated[size_t(i)]);
        const double text = rSquared(design(true, false, false), y);
        const double image = rSquared(design(false, true, false), y);
        const double fused = rSquared(design(true, true, true), y);
        QVERIFY2(image > text + 0.03 && fused > image + 0.1,
                 qPrintable(QStringLiteral("R² text %1, image %2, fused %3").arg(text).arg(image).arg(fused)));

        // Users pick what they like (probability ∝ exp(2·affinity)), so which items were chosen follows
        // the colour, which only the image shows, and the style, which only the text names: an item in
        // the most liked colour (blue) or style (minimal) is chosen several times as often as one in the
        // least liked (yellow, cute). This is what lets a fused model rank unseen items best.
        const auto chosenPerItem = [&](const std::vector<int> &label, int value) {
            double chosen = 0, members = 0;
            for (int r = 0; r < n; ++r) {
                if (label[size_t(r)] == value) {
                    chosen += count(r);
                    members += 1;
                }
            }
            return chosen / members;
        };
        const double colourRatio = chosenPerItem(colour, colourIndex("blue")) / chosenPerItem(colour, colourIndex("yellow"));
        const double styleRatio = chosenPerItem(style, styleIndex("minimal")) / chosenPerItem(style, styleIndex("cute"));
        QVERIFY2(colourRatio > 2.5 && styleRatio > 2.0,
                 qPrintable(QStringLiteral("chosen per item: blue/yellow %1, minimal/cute %2").arg(colourRatio).arg(styleRatio)));
    }

    QTemporaryDir m_default;
};

QTEST_GUILESS_MAIN(TestDemo)
#include "test_demo.moc"
