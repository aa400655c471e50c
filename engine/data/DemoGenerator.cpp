#include "engine/data/DemoGenerator.h"

#include "engine/core/Random.h"
#include "engine/core/SaveFile.h"

#include <QColor>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QPolygon>

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <vector>

namespace fl {

namespace {

// The translation context of this file's messages; lupdate reads it from the macro.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(fl::DemoGenerator)
};

} // namespace

namespace {

constexpr std::array<DemoCategory, 6> kCategories{{
    {"电子产品", "electronics", 0.30, 399.0},
    {"服装", "clothing", 0.15, 199.0},
    {"图书", "books", 0.20, 129.0},
    {"食品", "food", -0.05, 119.0},
    {"运动", "sports", -0.25, 229.0},
    {"家居", "home", -0.35, 179.0},
}};

// Effects roughly follow "blue minus yellow", so a linear model on mean pixel colour can learn them.
constexpr std::array<DemoColour, 6> kColours{{
    {"red", "红色", {200, 35, 35}, -0.05},
    {"orange", "橙色", {245, 135, 20}, -0.30},
    {"yellow", "黄色", {240, 210, 30}, -0.45},
    {"green", "绿色", {40, 160, 60}, 0.15},
    {"blue", "蓝色", {40, 85, 215}, 0.45},
    {"purple", "紫色", {135, 50, 170}, 0.20},
}};

constexpr std::array<DemoStyle, 6> kStyles{{
    {"vintage", "复古", 0.20},
    {"minimal", "简约", 0.35},
    {"dynamic", "动感", -0.25},
    {"luxury", "豪华", 0.10},
    {"cute", "可爱", -0.35},
    {"natural", "自然", -0.05},
}};

constexpr DemoRgb kBackground{236, 234, 228};

constexpr double kQualitySlope = 0.5;
constexpr double kPricePerQuality = 40.0;
constexpr double kPriceNoise = 8.0;
constexpr double kUserBiasMean = 0.0;
constexpr double kUserBiasSd = 0.45;
constexpr double kTasteSd = 0.3;
constexpr double kRatingNoise = 0.5;
// Users pick what they like: strong enough that which items a user chose (implicit feedback, BPR)
// follows their tastes, so the cold-start ranking of unseen items needs style (text) and colour (image).
constexpr double kSelectionStrength = 2.0;
constexpr double kColourJitter = 10.0;
constexpr qint64 kFirstTimestamp = 1735689600; // 2025-01-01 00:00:00 UTC

struct Words
{
    const char *en;
    const char *zh;
};

// Vocabulary. No word may name or suggest a colour: the colour is for the image alone.
// How an English noun takes an article and a verb: "a camera is", "headphones are", "tea is".
enum class Grammar { Count, Plural, Mass };

struct Noun
{
    const char *en;
    const char *zh;
    Grammar grammar;
};

constexpr Grammar C = Grammar::Count, P = Grammar::Plural, M = Grammar::Mass;

constexpr std::array<std::array<Noun, 8>, 6> kNouns{{
    {{{"headphones", "耳机", P}, {"smartphone", "智能手机", C}, {"tablet", "平板电脑", C}, {"speaker", "音箱", C},
      {"camera", "相机", C}, {"keyboard", "键盘", C}, {"smartwatch", "智能手表", C}, {"monitor", "显示器", C}}},
    {{{"T-shirt", "T恤", C}, {"jacket", "夹克", C}, {"dress", "连衣裙", C}, {"sweater", "毛衣", C},
      {"shirt", "衬衫", C}, {"coat", "外套", C}, {"hoodie", "卫衣", C}, {"scarf", "围巾", C}}},
    {{{"novel", "小说", C}, {"cookbook", "菜谱", C}, {"history book", "历史读物", C}, {"poetry collection", "诗集", C},
      {"travel guide", "旅行指南", C}, {"comic book", "漫画书", C}, {"picture book", "绘本", C}, {"biography", "传记", C}}},
    {{{"tea", "茶叶", M}, {"coffee beans", "咖啡豆", P}, {"chocolate", "巧克力", M}, {"cookies", "曲奇饼干", P},
      {"honey", "蜂蜜", M}, {"mixed nuts", "混合坚果", P}, {"dried fruit", "果干", M}, {"noodles", "面条", P}}},
    {{{"football", "足球", C}, {"basketball", "篮球", C}, {"tennis racket", "网球拍", C}, {"yoga mat", "瑜伽垫", C},
      {"running shoes", "跑鞋", P}, {"dumbbells", "哑铃", P}, {"skipping rope", "跳绳", C}, {"cycling helmet", "骑行头盔", C}}},
    {{{"table lamp", "台灯", C}, {"cushion", "抱枕", C}, {"vase", "花瓶", C}, {"mug", "马克杯", C},
      {"blanket", "毛毯", C}, {"wall clock", "挂钟", C}, {"storage basket", "收纳篮", C}, {"scented candle", "香薰蜡烛", C}}},
}};

constexpr std::array<std::array<Words, 4>, 6> kMaterials{{
    {{{"aluminium", "铝合金"}, {"plastic", "塑料"}, {"tempered-glass", "钢化玻璃"}, {"magnesium-alloy", "镁合金"}}},
    {{{"cotton", "纯棉"}, {"linen", "亚麻"}, {"wool", "羊毛"}, {"silk", "真丝"}}},
    {{{"hardcover", "精装"}, {"paperback", "平装"}, {"illustrated", "插图版"}, {"pocket-size", "口袋本"}}},
    {{{"organic", "有机"}, {"handmade", "手工"}, {"imported", "进口"}, {"family-size", "家庭装"}}},
    {{{"rubber", "橡胶"}, {"carbon-fibre", "碳纤维"}, {"leather", "皮革"}, {"mesh", "网面"}}},
    {{{"ceramic", "陶瓷"}, {"solid-wood", "实木"}, {"glass", "玻璃"}, {"rattan", "藤编"}}},
}};

constexpr std::array<std::array<Words, 4>, 6> kFeatures{{
    {{{"Offers a long battery life", "超长续航"}, {"Connects wirelessly", "无线连接"},
      {"Supports fast charging", "支持快充"}, {"Has smart noise reduction", "智能降噪"}}},
    {{{"Cut for a relaxed fit", "宽松版型"}, {"Machine washable", "可机洗"},
      {"Made of breathable fabric", "面料透气"}, {"Soft to the touch", "手感柔软"}}},
    {{{"Written by an award-winning author", "获奖作者力作"}, {"Over 300 pages", "三百余页"},
      {"A new translation", "全新译本"}, {"Comes with a bookmark", "附赠书签"}}},
    {{{"No additives", "无添加"}, {"Rich in flavour", "口感浓郁"},
      {"Packed in a resealable bag", "密封包装"}, {"Sourced from small farms", "源自小农场"}}},
    {{{"Non-slip grip", "防滑握把"}, {"Lightweight design", "轻量设计"},
      {"Absorbs shocks", "减震缓冲"}, {"Fit for training and matches", "适合训练与比赛"}}},
    {{{"Easy to clean", "易于清洁"}, {"Saves space", "节省空间"},
      {"Handcrafted details", "手工细节"}, {"Makes a room feel cosy", "营造温馨氛围"}}},
}};

// Synonyms per style (same order as kStyles); the first is the title word.
constexpr std::array<std::array<Words, 3>, 6> kStyleWords{{
    {{{"vintage", "复古"}, {"retro", "怀旧"}, {"old-school", "古典"}}},
    {{{"minimal", "简约"}, {"minimalist", "极简"}, {"clean-lined", "简洁"}}},
    {{{"dynamic", "动感"}, {"energetic", "活力"}, {"active", "灵动"}}},
    {{{"luxury", "豪华"}, {"premium", "奢华"}, {"deluxe", "高端"}}},
    {{{"cute", "可爱"}, {"playful", "俏皮"}, {"adorable", "萌趣"}}},
    {{{"natural", "自然"}, {"rustic", "质朴"}, {"eco-friendly", "环保"}}},
}};

// English after "is", Chinese as a clause.
constexpr std::array<Words, 6> kUsages{{
    {"ideal for everyday use", "适合日常使用"},
    {"ideal for travel", "适合旅行携带"},
    {"made for the office", "适合办公室使用"},
    {"a thoughtful gift", "是送礼的好选择"},
    {"great for students", "适合学生"},
    {"loved by the whole family", "全家都喜欢"},
}};

struct Item
{
    QString id;
    int category = 0;
    int colour = 0;
    int style = 0;
    double quality = 0.0;
    double price = 0.0;
    QString titleZh, titleEn, descriptionZh, descriptionEn;
};

struct Rating
{
    int user;
    int item;
    int value;
    qint64 timestamp;
};

// Independent, reproducible streams per purpose (and per item for images).
Random stream(std::uint64_t seed, std::uint64_t purpose, std::uint64_t index = 0)
{
    return Random(seed ^ (0x9e3779b97f4a7c15ULL * (purpose + 1)) ^ (0xd1b54a32d192ed03ULL * (index + 1)));
}

QString u8(const char *text) { return QString::fromUtf8(text); }

QString capitalized(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

QString withArticle(const QString &word)
{
    const bool vowel = !word.isEmpty() && QStringLiteral("aeiou").contains(word[0].toLower());
    return (vowel ? QStringLiteral("an ") : QStringLiteral("a ")) + word;
}

template<typename T, size_t N>
int pick(Random &rng, const std::array<T, N> &) { return int(rng.below(N)); }

void describe(Item &item, Random &rng)
{
    const int c = item.category;
    const Noun noun = kNouns[size_t(c)][size_t(pick(rng, kNouns[size_t(c)]))];
    const Words material = kMaterials[size_t(c)][size_t(pick(rng, kMaterials[size_t(c)]))];
    const auto &styleWords = kStyleWords[size_t(item.style)];
    const Words title = styleWords[0];
    const Words synonym = styleWords[size_t(pick(rng, styleWords))];
    const Words usage = kUsages[size_t(pick(rng, kUsages))];
    const auto &features = kFeatures[size_t(c)];
    const int f1 = pick(rng, features);
    const int f2 = (f1 + 1 + int(rng.below(features.size() - 1))) % int(features.size());
    const Words feature1 = features[size_t(f1)];
    const Words feature2 = features[size_t(f2)];
    const int form = int(rng.below(3));

    item.titleEn = capitalized(u8(title.en) + u' ' + u8(material.en) + u' ' + u8(noun.en));
    item.titleZh = u8(title.zh) + u8(material.zh) + u8(noun.zh);

    const QString nounEn = u8(noun.en), synEn = u8(synonym.en), usageEn = u8(usage.en);
    const QString nounZh = u8(noun.zh), synZh = u8(synonym.zh), usageZh = u8(usage.zh);
    const bool plural = noun.grammar == Grammar::Plural;
    const QString phraseEn = synEn + u' ' + nounEn; // "retro camera"
    const QString thisEn = plural ? QStringLiteral("these") : QStringLiteral("this");
    const QString isEn = plural ? QStringLiteral("are") : QStringLiteral("is");
    switch (form) {
    case 0:
        item.descriptionEn = QStringLiteral("%1, %2. %3. %4.")
                                 .arg(capitalized(noun.grammar == Grammar::Count ? withArticle(phraseEn) : phraseEn),
                                      usageEn, u8(feature1.en), u8(feature2.en));
        item.descriptionZh = QStringLiteral("这款%1风格的%2%3。%4，%5。")
                                 .arg(synZh, nounZh, usageZh, u8(feature1.zh), u8(feature2.zh));
        break;
    case 1:
        item.descriptionEn = QStringLiteral("%1. %2 %3 %4 %5.").arg(u8(feature1.en), capitalized(thisEn), phraseEn, isEn, usageEn);
        item.descriptionZh = QStringLiteral("%1。%2设计的%3，%4。").arg(u8(feature1.zh), synZh, nounZh, usageZh);
        break;
    default:
        item.descriptionEn = QStringLiteral("Designed with %1 look, %2 %3 %4 %5. %6.")
                                 .arg(withArticle(synEn), thisEn, nounEn, isEn, usageEn, u8(feature1.en));
        item.descriptionZh = QStringLiteral("%1造型的%2，%3，%4。").arg(synZh, nounZh, u8(feature1.zh), usageZh);
        break;
    }
}

// A light background with a smooth, mild, deterministic variation (and a few specks), which keeps
// PNGs small while making every image a little different.
void paintBackground(QImage &image, Random &rng)
{
    constexpr int lattice = 5;
    double offsets[lattice][lattice];
    for (auto &row : offsets) {
        for (double &value : row)
            value = rng.uniform(-5.0, 5.0);
    }
    const int size = image.width();
    for (int y = 0; y < size; ++y) {
        QRgb *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        const double gy = double(y) * (lattice - 1) / (size - 1);
        const int y0 = std::min(int(gy), lattice - 2);
        const double ty = gy - y0;
        for (int x = 0; x < size; ++x) {
            const double gx = double(x) * (lattice - 1) / (size - 1);
            const int x0 = std::min(int(gx), lattice - 2);
            const double tx = gx - x0;
            const double smooth = (1 - ty) * ((1 - tx) * offsets[y0][x0] + tx * offsets[y0][x0 + 1])
                                  + ty * ((1 - tx) * offsets[y0 + 1][x0] + tx * offsets[y0 + 1][x0 + 1]);
            const int delta = int(std::lround(smooth + 3.0 - 6.0 * y / (size - 1)));
            line[x] = qRgb(std::clamp(kBackground.red + delta, 0, 255), std::clamp(kBackground.green + delta, 0, 255),
                           std::clamp(kBackground.blue + delta, 0, 255));
        }
    }
    for (int speck = 0; speck < 12; ++speck) {
        const int x = int(rng.below(std::uint64_t(size)));
        const int y = int(rng.below(std::uint64_t(size)));
        const int delta = int(rng.below(25)) - 12;
        const QRgb old = image.pixel(x, y);
        image.setPixel(x, y, qRgb(std::clamp(qRed(old) + delta, 0, 255), std::clamp(qGreen(old) + delta, 0, 255),
                                  std::clamp(qBlue(old) + delta, 0, 255)));
    }
}

QColor tint(const QColor &colour, double towardsWhite)
{
    const auto mix = [towardsWhite](int c) { return int(std::lround(c + (255 - c) * towardsWhite)); };
    return QColor(mix(colour.red()), mix(colour.green()), mix(colour.blue()));
}

// Shapes are drawn around the origin in a ±32 box; the painter is already jittered.
void paintShape(QPainter &p, int category, const QColor &colour)
{
    const QColor background(kBackground.red, kBackground.green, kBackground.blue);
    const QColor light(246, 246, 242);
    const QColor dark(70, 70, 74);
    p.setPen(Qt::NoPen);
    switch (category) {
    case 0: // electronics: a monitor
        p.setBrush(colour);
        p.drawRect(-24, -22, 48, 34);
        p.setBrush(tint(colour, 0.35));
        p.drawRect(-20, -18, 40, 26);
        p.setPen(QPen(light, 2));
        p.drawLine(-16, 2, -4, -12);
        p.setPen(Qt::NoPen);
        p.setBrush(dark);
        p.drawRect(-3, 12, 6, 7);
        p.drawRect(-13, 19, 26, 3);
        break;
    case 1: { // clothing: a T-shirt
        const QPolygon shirt({QPoint(-10, -24), QPoint(10, -24), QPoint(27, -13), QPoint(21, -1), QPoint(14, -5),
                              QPoint(14, 25), QPoint(-14, 25), QPoint(-14, -5), QPoint(-21, -1), QPoint(-27, -13)});
        p.setBrush(colour);
        p.drawPolygon(shirt);
        p.setBrush(background);
        p.drawEllipse(QPoint(0, -24), 7, 5);
        p.setPen(QPen(tint(colour, 0.45), 1));
        p.drawLine(-14, 20, 14, 20);
        break;
    }
    case 2: // books: a stack of three
        p.setBrush(colour);
        p.drawRect(-25, 10, 48, 11);
        p.drawRect(-20, -2, 42, 11);
        p.drawRect(-23, -14, 44, 11);
        p.setBrush(light);
        p.drawRect(19, 12, 3, 7);
        p.drawRect(18, 0, 3, 7);
        p.drawRect(17, -12, 3, 7);
        p.setBrush(tint(colour, 0.45));
        p.drawRect(-25, 14, 30, 2);
        p.drawRect(-20, 2, 30, 2);
        p.drawRect(-23, -10, 30, 2);
        break;
    case 3: // food: a round fruit with a stem
        p.setBrush(colour);
        p.drawEllipse(QPoint(0, 5), 21, 20);
        p.setBrush(tint(colour, 0.5));
        p.drawEllipse(QPoint(-9, -3), 4, 5);
        p.setBrush(QColor(110, 80, 50));
        p.drawRect(-1, -22, 3, 8);
        break;
    case 4: // sports: a ball with seams
        p.setBrush(colour);
        p.drawEllipse(QPoint(0, 0), 26, 26);
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(light, 2));
        p.drawLine(-25, 0, 25, 0);
        p.drawLine(0, -25, 0, 25);
        p.drawArc(QRect(-44, -20, 30, 40), -60 * 16, 120 * 16);
        p.drawArc(QRect(14, -20, 30, 40), 120 * 16, 120 * 16);
        break;
    default: // home: a house
        p.setBrush(colour);
        p.drawPolygon(QPolygon({QPoint(-27, -2), QPoint(0, -27), QPoint(27, -2)}));
        p.drawRect(-20, -2, 40, 27);
        p.setBrush(QColor(95, 80, 70));
        p.drawRect(-6, 10, 11, 15);
        p.setBrush(light);
        p.drawRect(9, 3, 8, 8);
        break;
    }
}

QImage drawItemImage(const Item &item, Random &rng)
{
    constexpr int size = 64;
    QImage image(size, size, QImage::Format_RGB32);
    paintBackground(image, rng);

    const DemoRgb base = kColours[size_t(item.colour)].rgb;
    const auto jitter = [&rng](int c) {
        return std::clamp(c + int(std::lround(rng.uniform(-kColourJitter, kColourJitter))), 0, 255);
    };
    // One draw per channel in a fixed order, blue first: the order in which GCC happened to evaluate
    // QColor's three arguments when resources/demo was generated. Arguments' order is unspecified
    // (clang goes left to right), so drawn inside one call the colours depended on the compiler.
    const int blue = jitter(base.blue);
    const int green = jitter(base.green);
    const int red = jitter(base.red);
    const QColor colour(red, green, blue);
    const int dx = int(rng.below(7)) - 3;
    const int dy = int(rng.below(7)) - 3;
    const double scale = rng.uniform(0.92, 1.05);

    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.translate(32 + dx, 32 + dy);
    painter.scale(scale, scale);
    paintShape(painter, item.category, colour);
    painter.end();
    return image;
}

QString csvField(const QString &field)
{
    if (!field.contains(u',') && !field.contains(u'"') && !field.contains(u'\n') && !field.contains(u'\r'))
        return field;
    QString quoted = field;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QString csvLine(const QStringList &fields)
{
    QStringList escaped;
    escaped.reserve(fields.size());
    for (const QString &field : fields)
        escaped << csvField(field);
    return escaped.join(u',') + u'\n';
}

Result<void> writeFile(const QString &path, const QByteArray &bytes)
{
    return saveBytes(path, bytes);
}

QString itemId(int index, int digits) { return QStringLiteral("i%1").arg(index + 1, digits, 10, QLatin1Char('0')); }
QString userId(int index, int digits) { return QStringLiteral("u%1").arg(index + 1, digits, 10, QLatin1Char('0')); }

int idDigits(int count) { return std::max(4, int(QString::number(count).size())); }

std::vector<Item> makeItems(const DemoSettings &settings)
{
    Random rng = stream(settings.seed, 1);
    const int n = settings.items;
    std::vector<int> categories(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i)
        categories[size_t(i)] = i % int(kCategories.size());
    rng.shuffle(categories.begin(), categories.end());

    std::vector<Item> items(static_cast<size_t>(n));
    const int digits = idDigits(n);
    for (int i = 0; i < n; ++i) {
        Item &item = items[size_t(i)];
        item.id = itemId(i, digits);
        item.category = categories[size_t(i)];
        item.colour = int(rng.below(kColours.size()));
        item.style = int(rng.below(kStyles.size()));
        item.quality = std::clamp(rng.normal(), -2.5, 2.5);
        const double price = kCategories[size_t(item.category)].basePrice + kPricePerQuality * item.quality
                             + rng.normal(0.0, kPriceNoise);
        item.price = std::floor(std::max(price, 9.0)) + 0.9;
        describe(item, rng);
    }
    return items;
}

std::vector<Rating> makeRatings(const DemoSettings &settings, const std::vector<Item> &items)
{
    Random rng = stream(settings.seed, 2);
    const int n = int(items.size());
    std::vector<Rating> ratings;
    ratings.reserve(size_t(settings.users) * size_t(settings.ratingsPerUser));
    std::vector<double> affinity(static_cast<size_t>(n));
    std::vector<double> key(static_cast<size_t>(n));
    std::vector<int> order(static_cast<size_t>(n));

    for (int u = 0; u < settings.users; ++u) {
        const double bias = rng.normal(kUserBiasMean, kUserBiasSd);
        std::array<double, kCategories.size()> categoryTaste;
        std::array<double, kColours.size()> colourTaste;
        std::array<double, kStyles.size()> styleTaste;
        for (size_t c = 0; c < kCategories.size(); ++c)
            categoryTaste[c] = kCategories[c].effect + rng.normal(0.0, kTasteSd);
        for (size_t k = 0; k < kColours.size(); ++k)
            colourTaste[k] = kColours[k].effect + rng.normal(0.0, kTasteSd);
        for (size_t s = 0; s < kStyles.size(); ++s)
            styleTaste[s] = kStyles[s].effect + rng.normal(0.0, kTasteSd);

        // Weighted sampling without replacement (Efraimidis–Spirakis): keep the largest log(U)/w.
        for (int i = 0; i < n; ++i) {
            const Item &item = items[size_t(i)];
            affinity[size_t(i)] = categoryTaste[size_t(item.category)] + colourTaste[size_t(item.colour)]
                                  + styleTaste[size_t(item.style)];
            double uniform = rng.uniform();
            while (uniform <= 0.0)
                uniform = rng.uniform();
            key[size_t(i)] = std::log(uniform) * std::exp(-kSelectionStrength * affinity[size_t(i)]);
        }
        std::iota(order.begin(), order.end(), 0);
        std::partial_sort(order.begin(), order.begin() + settings.ratingsPerUser, order.end(), [&](int a, int b) {
            return key[size_t(a)] != key[size_t(b)] ? key[size_t(a)] > key[size_t(b)] : a < b;
        });

        qint64 time = kFirstTimestamp + qint64(rng.below(180 * 86400));
        for (int r = 0; r < settings.ratingsPerUser; ++r) {
            const int i = order[size_t(r)];
            const double latent = 3.0 + bias + affinity[size_t(i)] + kQualitySlope * items[size_t(i)].quality
                                  + rng.normal(0.0, kRatingNoise);
            const int value = int(std::clamp(std::lround(latent), 1L, 5L));
            time += 3600 + qint64(rng.below(71 * 3600 + 1));
            ratings.push_back({u, i, value, time});
        }
    }
    std::sort(ratings.begin(), ratings.end(), [](const Rating &a, const Rating &b) {
        if (a.timestamp != b.timestamp)
            return a.timestamp < b.timestamp;
        return a.user != b.user ? a.user < b.user : a.item < b.item;
    });
    return ratings;
}

QByteArray manifestJson()
{
    return QByteArrayLiteral(
        "{\n"
        "  \"fusionlab_manifest\": 1,\n"
        "  \"name\": \"FusionLab demo shop\",\n"
        "  \"items\": {\"file\": \"items.csv\", \"id\": \"item_id\", \"title\": \"title_en\", \"category\": \"category\",\n"
        "            \"title_columns\": {\"en\": \"title_en\", \"zh\": \"title_zh\"},\n"
        "            \"description_columns\": {\"en\": \"description_en\", \"zh\": \"description_zh\"},\n"
        "            \"category_columns\": {\"en\": \"category_en\", \"zh\": \"category\"}},\n"
        "  \"interactions\": {\"file\": \"ratings.csv\", \"user\": \"user_id\", \"item\": \"item_id\", "
        "\"rating\": \"rating\", \"timestamp\": \"timestamp\"},\n"
        "  \"modalities\": [\n"
        "    {\"name\": \"text\", \"kind\": \"text\", \"columns\": [\"title_en\", \"description_en\", \"title_zh\", "
        "\"description_zh\"]},\n"
        "    {\"name\": \"image\", \"kind\": \"image\", \"path\": \"images/{item_id}.png\"},\n"
        "    {\"name\": \"price\", \"kind\": \"numeric\", \"columns\": [\"price\"]}\n"
        "  ]\n"
        "}\n");
}

QString signedEffect(double effect) { return (effect >= 0 ? QStringLiteral("+") : QString()) + QString::number(effect, 'f', 2); }

QByteArray readme(const DemoSettings &settings, int ratingCount)
{
    QString text;
    text += QStringLiteral("FusionLab demo shop (synthetic, generated by FusionLab, seed %1)\n\n").arg(settings.seed);
    text += QStringLiteral("%1 items, %2 users, %3 ratings (1-5). Every number below is the hidden truth the\n"
                           "ratings were drawn from, so a class can check what each modality can explain.\n\n")
                .arg(settings.items).arg(settings.users).arg(ratingCount);
    text += QStringLiteral(
        "Items: category (6, balanced), colour (6), style (6) and a hidden quality q ~ N(0,1) clipped to +-2.5,\n"
        "all independent.\n"
        "  text  (title/description, zh + en) names the category and the style, never colour or quality;\n"
        "  image (64x64 PNG) draws a shape per category in the item's colour: category and colour;\n"
        "  price = base price of the category + 40 q + N(0, 8): quality (and category).\n\n"
        "Users: bias b ~ N(%1, %2); taste for each category, colour and style = population effect below\n"
        "+ N(0, %3) of their own.\n"
        "Rating = clamp(round(3 + b + taste(category) + taste(colour) + taste(style) + 0.5 q + N(0, 0.5)), 1, 5).\n"
        "Each user rates %4 distinct items, chosen with probability proportional to\n"
        "exp(%5 (taste(category) + taste(colour) + taste(style))): users mostly pick what they like, so\n"
        "which items they chose (not only how they rated them) follows their tastes.\n\n")
                .arg(kUserBiasMean).arg(kUserBiasSd).arg(kTasteSd).arg(settings.ratingsPerUser).arg(kSelectionStrength, 0, 'f', 1);
    text += QStringLiteral("Population effects\n  category (base price):");
    for (const DemoCategory &c : kCategories)
        text += QStringLiteral(" %1/%2 %3 (%4)").arg(u8(c.nameZh), u8(c.nameEn), signedEffect(c.effect)).arg(c.basePrice);
    text += QStringLiteral("\n  colour:");
    for (const DemoColour &k : kColours)
        text += QStringLiteral(" %1/%2 %3").arg(u8(k.id), u8(k.nameZh), signedEffect(k.effect));
    text += QStringLiteral("\n  style:");
    for (const DemoStyle &s : kStyles)
        text += QStringLiteral(" %1/%2 %3").arg(u8(s.id), u8(s.nameZh), signedEffect(s.effect));
    text += QStringLiteral("\n\nground_truth.csv lists each item's category, colour, style and quality. It is documentation:\n"
                           "FusionLab never trains on it (the manifest does not mention it).\n\n"
                           "演示商店：合成数据。文本包含类别和风格，图片包含类别和颜色，价格包含隐藏的质量；\n"
                           "评分由上面的真实模型生成，因此可以比较只用文本、只用图片和融合后的模型。\n");
    return text.toUtf8();
}

} // namespace

std::span<const DemoCategory> demoCategories() { return kCategories; }
std::span<const DemoColour> demoColours() { return kColours; }
std::span<const DemoStyle> demoStyles() { return kStyles; }
DemoRgb demoBackground() { return kBackground; }

Result<void> writeDemoDataset(const QString &dir, const DemoSettings &settings)
{
    const auto invalid = [](const QString &what) { return makeError(Tr::tr("Demo dataset: %1").arg(what)); };
    if (settings.items < int(kCategories.size()) || settings.items > 99999)
        return invalid(Tr::tr("items must be between %1 and 99,999 (got %2).").arg(kCategories.size()).arg(settings.items));
    if (settings.users < 1 || settings.users > 99999)
        return invalid(Tr::tr("users must be between 1 and 99,999 (got %1).").arg(settings.users));
    if (settings.ratingsPerUser < 1 || settings.ratingsPerUser > settings.items)
        return invalid(Tr::tr("ratings per user must be between 1 and the number of items, %1 (got %2).")
                           .arg(settings.items).arg(settings.ratingsPerUser));

    const QDir root(dir);
    if (!root.mkpath(QStringLiteral("images")))
        return makeError(Tr::tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(root.filePath(QStringLiteral("images")))));

    const std::vector<Item> items = makeItems(settings);
    const std::vector<Rating> ratings = makeRatings(settings, items);

    QString itemsCsv = csvLine({QStringLiteral("item_id"), QStringLiteral("title_zh"), QStringLiteral("title_en"),
                                QStringLiteral("description_zh"), QStringLiteral("description_en"),
                                QStringLiteral("category"), QStringLiteral("category_en"), QStringLiteral("price"),
                                QStringLiteral("image")});
    QString truthCsv = csvLine({QStringLiteral("item_id"), QStringLiteral("category"), QStringLiteral("colour"),
                                QStringLiteral("style"), QStringLiteral("quality")});
    for (const Item &item : items) {
        const DemoCategory &category = kCategories[size_t(item.category)];
        const QString image = QStringLiteral("images/%1.png").arg(item.id);
        itemsCsv += csvLine({item.id, item.titleZh, item.titleEn, item.descriptionZh, item.descriptionEn,
                             u8(category.nameZh), u8(category.nameEn), QString::number(item.price, 'f', 2), image});
        truthCsv += csvLine({item.id, u8(category.nameZh), u8(kColours[size_t(item.colour)].id),
                             u8(kStyles[size_t(item.style)].id), QString::number(item.quality, 'f', 3)});
    }

    QByteArray ratingsCsv = "user_id,item_id,rating,timestamp\n";
    const int userDigits = idDigits(settings.users);
    for (const Rating &r : ratings) {
        ratingsCsv += userId(r.user, userDigits).toLatin1() + ',' + items[size_t(r.item)].id.toLatin1() + ','
                      + QByteArray::number(r.value) + ',' + QByteArray::number(r.timestamp) + '\n';
    }

    for (const auto &[name, bytes] : {std::pair{QStringLiteral("manifest.json"), manifestJson()},
                                      std::pair{QStringLiteral("items.csv"), itemsCsv.toUtf8()},
                                      std::pair{QStringLiteral("ratings.csv"), ratingsCsv},
                                      std::pair{QStringLiteral("ground_truth.csv"), truthCsv.toUtf8()},
                                      std::pair{QStringLiteral("README.txt"), readme(settings, int(ratings.size()))}}) {
        if (Result<void> written = writeFile(root.filePath(name), bytes); !written)
            return written;
    }

    for (size_t i = 0; i < items.size(); ++i) {
        Random rng = stream(settings.seed, 3, i);
        const QImage image = drawItemImage(items[i], rng);
        const QString path = root.filePath(QStringLiteral("images/%1.png").arg(items[i].id));
        // QFile, not QSaveFile: an fsync per image would dominate the time to write the set.
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return makeError(Tr::tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        QImageWriter writer(&file, "png");
        const bool written = writer.write(image);
        file.close();
        if (!written || file.error() != QFileDevice::NoError) {
            const QString why = written ? file.errorString() : writer.errorString();
            return makeError(Tr::tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), why));
        }
    }
    return {};
}

Result<void> removeDemoModalities(Dataset &dataset, const DemoMissingSettings &settings)
{
    const auto inRange = [](double share) { return share >= 0.0 && share <= 1.0; };
    if (!inRange(settings.imageShare) || !inRange(settings.textShare) || settings.imageShare + settings.textShare > 1.0) {
        return makeError(Tr::tr("Demo with missing modalities: the shares of missing images (%1) and texts (%2) must "
                            "each be between 0 and 1 and add up to at most 1.")
                             .arg(settings.imageShare).arg(settings.textShare));
    }
    ModalitySource *text = nullptr;
    ModalitySource *image = nullptr;
    for (ModalitySource &source : dataset.modalities) {
        if (source.name == QLatin1String("text") && source.kind == ModalityKind::Text)
            text = &source;
        else if (source.name == QLatin1String("image") && source.kind == ModalityKind::Image)
            image = &source;
    }
    const int n = dataset.itemCount();
    if (!text || !image || text->texts.size() != n || image->imagePaths.size() != n)
        return makeError(Tr::tr("Demo with missing modalities: expected the demo's \"text\" and \"image\" modalities "
                            "with one entry per item."));

    std::vector<int> order(static_cast<size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    Random rng(settings.seed);
    rng.shuffle(order.begin(), order.end());
    const int images = int(std::lround(settings.imageShare * n));
    const int texts = std::min(n - images, int(std::lround(settings.textShare * n)));
    text->missing.resize(size_t(n), false);
    image->missing.resize(size_t(n), false);
    for (int r = 0; r < images + texts; ++r) {
        const int i = order[size_t(r)];
        if (r < images) {
            image->imagePaths[i].clear();
            image->missing[size_t(i)] = true;
        } else {
            text->texts[i].clear();
            text->missing[size_t(i)] = true;
        }
    }
    text->origin += Tr::tr(" (%1 items' texts removed)").arg(texts);
    image->origin += Tr::tr(" (%1 items' images removed)").arg(images);
    dataset.name = Tr::tr("%1, %2% of images and texts missing").arg(dataset.name).arg(std::lround(100 * settings.imageShare));
    return {};
}

} // namespace fl
