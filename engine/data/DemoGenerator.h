#pragma once

// The built-in demo dataset: a small, fully synthetic shop whose ratings follow a known model, so a
// class can check what each modality can and cannot explain. Deterministic: the same settings give
// byte-identical CSV files and identical pixels on every run (all randomness is fl::Random).
//
// Ground truth (the numbers live in demoCategories(), demoColours(), demoStyles() below):
//
//   Item i has a category c (6, balanced), a colour k (6, uniform), a style s (6, uniform) and a hidden
//   quality q ~ N(0, 1) clipped to ±2.5, all independent.
//     text   (titles and descriptions, Chinese and English) names the category and the style, never
//            the colour or the quality;
//     image  (64×64 PNG) draws a shape per category filled in the item's colour (jittered ±10 per
//            channel) on a light, mildly noisy background: category and colour, no style;
//     price  = basePrice(c) + 40·q + N(0, 8), floored at 9 and written as x.90: quality (and category).
//   User u has a bias b ~ N(0, 0.45) and tastes that are a population effect plus an individual
//   deviation: t_uc = μ_c + N(0, 0.3), t_uk = μ_k + N(0, 0.3), t_us = μ_s + N(0, 0.3).
//   Affinity a_ui = t_uc + t_uk + t_us. Rating r_ui = clamp(round(3 + b + a_ui + 0.5·q + ε), 1, 5),
//   ε ~ N(0, 0.5). An item-level model can learn μ_c, μ_k, μ_s and the quality slope: text sees
//   μ_c + μ_s, the image μ_c + μ_k, the price the quality, so text-only, image-only and fused models differ.
//   Each user rates ratingsPerUser distinct items drawn without replacement with probability
//   ∝ exp(2·a_ui): users mostly pick what they like, so which items a user chose (implicit feedback)
//   follows the same tastes, and ranking unseen items for a user needs the style (text only) and the
//   colour (image only). (Exponential tilting shifts every Gaussian taste deviation by the same amount,
//   so the population effects stay visible in the mean ratings.) A user starts at a time in the first
//   180 days of 2025 and rates every 1 to 72 hours; ratings.csv is sorted by time.
//
// Files written: manifest.json (FusionLab manifest format 1), items.csv (item_id, title_zh, title_en,
// description_zh, description_en, category, category_en, price, image), ratings.csv (user_id, item_id,
// rating, timestamp), images/<item_id>.png, ground_truth.csv (item_id, category, colour, style,
// quality: documentation, never read by training) and README.txt. CSVs are UTF-8 with a header,
// LF line ends and RFC 4180 quoting.

#include "engine/core/Result.h"
#include "engine/data/Dataset.h"

#include <QString>

#include <cstdint>
#include <span>

namespace fl {

struct DemoSettings
{
    std::uint64_t seed = 20261129;
    int items = 600;
    int users = 300;
    int ratingsPerUser = 50;
};

struct DemoRgb
{
    int red;
    int green;
    int blue;
};

struct DemoCategory
{
    const char *nameZh;     // the value of items.csv "category", e.g. "电子产品"
    const char *nameEn;     // "electronics"
    double effect;          // μ_c, population effect on ratings
    double basePrice;
};

struct DemoColour
{
    const char *id;         // the value of ground_truth.csv "colour", e.g. "blue"
    const char *nameZh;
    DemoRgb rgb;            // before the per-item jitter
    double effect;          // μ_k
};

struct DemoStyle
{
    const char *id;         // the value of ground_truth.csv "style": the English title word, e.g. "vintage"
    const char *nameZh;     // the Chinese title word, e.g. "复古"
    double effect;          // μ_s
};

std::span<const DemoCategory> demoCategories();
std::span<const DemoColour> demoColours();
std::span<const DemoStyle> demoStyles();
DemoRgb demoBackground();   // the image background before noise

// Writes the dataset into dir (created if needed; files of the same name are replaced). Fails with a
// message naming the file that could not be written, or on settings out of range (items 6..99,999,
// users 1..99,999, ratingsPerUser 1..items).
Result<void> writeDemoDataset(const QString &dir, const DemoSettings &settings = {});

// "demo-missing": the built-in demo with a share of its images and texts taken away, so that the
// missing-modality policies can be shown with no preparation. Same items, users and ratings; an item
// chosen for a missing image gets an empty image path, one chosen for a missing text an empty text
// (its title and description, as the text modality sees them; the title still shows in lists), both
// marked in ModalitySource::missing. The items are the first round(share × items) of a seeded shuffle
// for the images and the next ones for the texts, so no item loses both and the choice is the same on
// every machine. With the defaults: 150 of 600 items without an image and 150 others without a text.
inline const QString kDemoMissingPath = QStringLiteral("demo-missing");

struct DemoMissingSettings
{
    std::uint64_t seed = 20261206;
    double imageShare = 0.25;
    double textShare = 0.25;
};

// Applies the settings to a loaded demo (a dataset with a text modality "text" and an image modality
// "image"). Fails, leaving the dataset as it was, when either is absent or the shares are outside
// [0, 1] or add up to more than 1.
Result<void> removeDemoModalities(Dataset &dataset, const DemoMissingSettings &settings = {});

} // namespace fl
