#pragma once

// Plain per-example SGD for the collaborative factor model with squared loss (FactorModel's
// Collaborative variant, optimizer "sgd" with batch size 1), laid out the way LIBMF lays out its
// rating matrix (Chin, Zhuang, Juan & Lin, "A Fast Parallel SGD for Matrix Factorization in Shared
// Memory Systems", RecSys 2013), so that an epoch runs from the caches instead of from memory.
//
// Each example (u, i, r) takes one SGD step on ℓ = ½e² + λ/2 (‖[pᵤ|bᵤ]‖² + ‖[qᵢ|bᵢ]‖² + μ²),
// e = μ + bᵤ + bᵢ + pᵤᵀqᵢ − r, i.e. FactorModel's objective with mini-batches of one:
//
//     pᵤ ← pᵤ − η(e qᵢ + λpᵤ)   qᵢ ← qᵢ − η(e pᵤ + λqᵢ)   bᵤ ← bᵤ − η(e + λbᵤ)   bᵢ ← bᵢ − η(e + λbᵢ)
//     μ ← μ − η(e + λμ)
//
// The grid. Users and items are relabelled once by a seeded random permutation and cut into `blocks`
// equal ranges each, which splits the ratings into blocks × blocks blocks. Inside a block the ratings
// are sorted by the longer side's position (users when there are at least as many users as items),
// so a run of ratings shares one row, kept in registers, while the other side's rows of the block
// (a few tens of kilobytes) stay in the L1/L2 cache. The rows live, during training, in a packed copy:
// relabelled order, factors padded to a multiple of 8 floats and aligned to cache lines, biases apart.
//
// The schedule (DSGD's strata). Each epoch draws permutations α, β of the user and item blocks and
// γ of the strata; stratum s visits, at positions r = 0 … blocks − 1, the blocks (α[r], β[(r + γ[s])
// mod blocks]): every block once per epoch, and no two blocks of a stratum share a user or an item.
// Position r belongs to lane r mod kLanes. Lanes run their blocks in position order; since they touch
// disjoint rows they may run at the same time, on up to kLanes threads. The one parameter every
// example touches, μ, is per lane within a stratum: each lane starts from the stratum's μ and at the
// stratum's end μ becomes the lanes' mean weighted by their example counts. The result therefore
// depends on the seed only, not on the number of threads.

#include "engine/core/Random.h"

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

namespace fl {

struct FactorParameters;

// One training rating, as FactorModel keeps them.
struct FactorRating
{
    int user = 0;
    int item = 0;
    float rating = 0;
};

// One epoch's draws: see the header comment.
struct FactorSgdSchedule
{
    int blocks = 0;
    std::vector<int> userBlocks;   // α
    std::vector<int> itemBlocks;   // β
    std::vector<int> offsets;      // γ

    // The (user block, item block) at position r of stratum s.
    std::pair<int, int> at(int stratum, int position) const
    {
        return {userBlocks[size_t(position)], itemBlocks[size_t((position + offsets[size_t(stratum)]) % blocks)]};
    }
};

class FactorSgd
{
public:
    static constexpr int kLanes = 4;

    // ratings: the training examples; users, items: the parameter rows; factors: k. Draws the
    // relabelling from random.
    FactorSgd(const std::vector<FactorRating> &ratings, int users, int items, int factors, Random &random);
    ~FactorSgd();
    FactorSgd(const FactorSgd &) = delete;
    FactorSgd &operator=(const FactorSgd &) = delete;

    int blocks() const { return m_blocks; }
    // The position of a user (item) in the relabelled order, and its block.
    int userPosition(int user) const { return m_userPosition[size_t(user)]; }
    int itemPosition(int item) const { return m_itemPosition[size_t(item)]; }
    int userBlock(int user) const { return blockOf(userPosition(user), m_users); }
    int itemBlock(int item) const { return blockOf(itemPosition(item), m_items); }
    // True when a block's ratings are sorted by user position, false when by item position (ties keep
    // the ratings' order).
    bool runsByUser() const { return m_runsByUser; }

    // Copies the rows [pᵤ | bᵤ] and [qᵢ | bᵢ] into the packed training copy, and back.
    void load(const FactorParameters &parameters);
    void store(FactorParameters &parameters) const;

    // One epoch's draws, as epoch() makes them.
    FactorSgdSchedule schedule(Random &random) const;

    // One epoch over the loaded rows and mu, drawing the schedule from random, on up to `threads`
    // threads (at most kLanes). Returns the sum over the examples of each one's ℓ at the parameters
    // it saw, before its step.
    double epoch(float &mu, float learningRate, float l2, Random &random, int threads);

    struct Layout;
    struct Lane;

private:

    int blockOf(int position, int count) const;
    void runLane(const FactorSgdSchedule &schedule, int stratum, int lane, Lane &state, float learningRate, float l2);

    int m_users = 0;
    int m_items = 0;
    int m_factors = 0;
    int m_blocks = 1;
    bool m_runsByUser = true;
    std::vector<int> m_userPosition, m_itemPosition;
    std::unique_ptr<Layout> m_layout;
};

} // namespace fl
