// Fusion operators: the seed's weighted sum, elementwise product and weighted concatenation, their
// algebra, the plan that training uses in their place, and the projection to a common width.

#include "engine/core/Random.h"
#include "engine/fusion/Fusion.h"

#include <QTest>

using namespace fl;

namespace {

Eigen::MatrixXd randomMatrix(int rows, int cols, std::uint64_t seed)
{
    Random random(seed);
    Eigen::MatrixXd m(rows, cols);
    for (Eigen::Index i = 0; i < m.size(); ++i)
        m.data()[i] = random.normal();
    return m;
}

ModalityMatrix modality(const QString &name, Eigen::MatrixXd values)
{
    ModalityMatrix m;
    m.name = name;
    m.values = std::move(values);
    m.missing.assign(size_t(m.values.rows()), false);
    return m;
}

bool near(const Eigen::MatrixXd &a, const Eigen::MatrixXd &b, double tolerance = 1e-12)
{
    return a.rows() == b.rows() && a.cols() == b.cols() && (a - b).cwiseAbs().maxCoeff() <= tolerance * (1.0 + b.cwiseAbs().maxCoeff());
}

} // namespace

class FusionTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void seedExampleByHand()
    {
        // The seed's text_embedding and a per-item image feature of the same width.
        Eigen::MatrixXd text(2, 2);
        text << 0.8, 0.9, 0.7, 0.6;
        Eigen::MatrixXd image(2, 2);
        image << 0.2, 0.4, 0.5, 0.1;
        const Eigen::MatrixXd f = fuseSum({text, image}, {0.5, 0.5});
        Eigen::MatrixXd expected(2, 2);
        expected << 0.5, 0.65, 0.6, 0.35;
        QVERIFY(near(f, expected));

        const Eigen::MatrixXd p = fuseProduct({text, image}, {0.5, 0.5});
        Eigen::MatrixXd expectedProduct(2, 2);
        expectedProduct << 0.04, 0.09, 0.0875, 0.015;
        QVERIFY(near(p, expectedProduct));

        const Eigen::MatrixXd c = fuseConcat({text, image}, {1.0, 2.0});
        Eigen::MatrixXd expectedConcat(2, 4);
        expectedConcat << 0.8, 0.9, 0.4, 0.8, 0.7, 0.6, 1.0, 0.2;
        QVERIFY(near(c, expectedConcat));
    }

    void algebra()
    {
        const Eigen::MatrixXd a = randomMatrix(7, 3, 1), b = randomMatrix(7, 3, 2), c = randomMatrix(7, 3, 3);
        // Sum is linear in the weights and symmetric in its operands.
        QVERIFY(near(fuseSum({a, b}, {0.3, 0.7}), fuseSum({b, a}, {0.7, 0.3})));
        QVERIFY(near(fuseSum({a, b}, {2.0, 4.0}), 2.0 * fuseSum({a, b}, {1.0, 2.0})));
        QVERIFY(near(fuseSum({a, b, c}, {1, 1, 1}), a + b + c));
        // Weight 0 removes a modality; weight 1 on one modality returns it.
        QVERIFY(near(fuseSum({a, b}, {1.0, 0.0}), a));
        // Product: commutative, and the weights factor out as their product.
        QVERIFY(near(fuseProduct({a, b}, {1, 1}), fuseProduct({b, a}, {1, 1})));
        QVERIFY(near(fuseProduct({a, b, c}, {2.0, 3.0, 0.5}), 3.0 * a.cwiseProduct(b).cwiseProduct(c)));
        // Concatenation keeps every column: its Gram matrix holds each block's.
        const Eigen::MatrixXd f = fuseConcat({a, b}, {0.5, 2.0});
        QCOMPARE(f.cols(), Eigen::Index(6));
        QVERIFY(near(f.leftCols(3), 0.5 * a));
        QVERIFY(near(f.rightCols(3), 2.0 * b));
    }

    void planMatchesDirectOperators_data()
    {
        QTest::addColumn<int>("op");
        QTest::newRow("sum") << int(FusionOp::Sum);
        QTest::newRow("product") << int(FusionOp::Product);
        QTest::newRow("concat") << int(FusionOp::Concat);
    }

    void planMatchesDirectOperators()
    {
        QFETCH(int, op);
        const ModalityMatrix m1 = modality(QStringLiteral("text"), randomMatrix(20, 4, 11));
        const ModalityMatrix m2 = modality(QStringLiteral("image"), randomMatrix(20, 4, 12));
        const ModalityMatrix m3 = modality(QStringLiteral("price"), randomMatrix(20, 4, 13));
        Result<FusionPlan> plan = planFusion(FusionOp(op), {&m1, &m2, &m3});
        QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error()));
        const std::vector<double> w{0.2, 1.5, -0.7};
        const std::vector<Eigen::MatrixXd> raw{m1.values, m2.values, m3.values};
        Eigen::MatrixXd expected;
        switch (FusionOp(op)) {
        case FusionOp::Sum: expected = fuseSum(raw, w); break;
        case FusionOp::Product: expected = fuseProduct(raw, w); break;
        case FusionOp::Concat: expected = fuseConcat(raw, w); break;
        }
        QVERIFY(near(plan->fuse(w), expected));
        const Eigen::VectorXd x = randomMatrix(int(expected.cols()), 1, 5).col(0);
        QVERIFY(near(plan->multiply(w, x), expected * x));
        QVERIFY(plan->notes.isEmpty());
    }

    void differentWidthsAreProjectedAndPadded()
    {
        // The seed's own example fails here: a (2,2) embedding plus a (3,) image mean.
        const ModalityMatrix text = modality(QStringLiteral("text"), randomMatrix(50, 8, 21));
        const ModalityMatrix image = modality(QStringLiteral("image"), randomMatrix(50, 12, 22));
        const ModalityMatrix price = modality(QStringLiteral("price"), randomMatrix(50, 1, 23));
        Result<FusionPlan> plan = planFusion(FusionOp::Sum, {&text, &image, &price});
        QVERIFY(plan.ok());
        QCOMPARE(plan->width, 8);   // the narrowest modality wider than one column
        QCOMPARE(plan->notes.size(), 2);
        QVERIFY(plan->notes[0].contains(QStringLiteral("image: 12 → 8 columns by PCA")));
        QVERIFY(plan->notes[1].contains(QStringLiteral("price: 1 → 8 columns, padded with zeros")));
        QVERIFY(near(plan->blocks[0], text.values));
        QVERIFY(plan->blocks[2].rightCols(7).isZero());
        QVERIFY(near(plan->blocks[2].col(0), price.values.col(0)));

        Result<FusionPlan> wide = planFusion(FusionOp::Sum, {&text, &image}, 4);
        QVERIFY(wide.ok());
        QCOMPARE(wide->width, 4);
        QCOMPARE(wide->notes.size(), 2);

        Result<FusionPlan> tooWide = planFusion(FusionOp::Sum, {&text, &image}, 100);
        QVERIFY(tooWide.ok());
        QCOMPARE(tooWide->width, 12);
        QVERIFY(tooWide->notes.front().contains(QStringLiteral("Common width 100 is wider than every modality; using 12")));

        Result<FusionPlan> concat = planFusion(FusionOp::Concat, {&text, &image, &price});
        QVERIFY(concat.ok());
        QCOMPARE(concat->width, 21);
        QCOMPARE(concat->offsets, (std::vector<int>{0, 8, 20}));
    }

    void pcaKeepsTheLeadingDirections()
    {
        // Rows a·(1,1,0)/√2 + b·(0,0,1) + offset with a = ±3 and b = ±1 in a pattern where a and b are
        // exactly uncorrelated: variance 9 along the first direction, 1 along the second, 0 elsewhere.
        const double as[] = {3, 3, -3, -3}, bs[] = {1, -1, 1, -1};
        Eigen::MatrixXd x(400, 3);
        for (int i = 0; i < 400; ++i) {
            const double a = as[i % 4], b = bs[i % 4];
            x.row(i) << a / std::sqrt(2.0) + 5.0, a / std::sqrt(2.0) - 1.0, b;
        }
        double kept = 0;
        const Eigen::MatrixXd p = pcaProject(x, 1, &kept);
        QCOMPARE(p.cols(), Eigen::Index(1));
        for (int i = 0; i < 400; ++i)
            QVERIFY(std::abs(p(i, 0) - as[i % 4]) < 1e-9);   // the component is a itself (sign fixed)
        QVERIFY(std::abs(kept - 0.9) < 1e-12);
        const Eigen::MatrixXd both = pcaProject(x, 2);
        for (int i = 0; i < 400; ++i)
            QVERIFY(std::abs(std::abs(both(i, 1)) - 1.0) < 1e-9);
    }

    void errors()
    {
        QVERIFY(!planFusion(FusionOp::Sum, {}).ok());
        const ModalityMatrix a = modality(QStringLiteral("a"), randomMatrix(5, 2, 1));
        const ModalityMatrix b = modality(QStringLiteral("b"), randomMatrix(6, 2, 2));
        Result<FusionPlan> plan = planFusion(FusionOp::Sum, {&a, &b});
        QVERIFY(!plan.ok());
        QVERIFY(plan.error().contains(QStringLiteral("'b' has 6 rows")));
    }

    void names()
    {
        for (FusionOp op : {FusionOp::Sum, FusionOp::Product, FusionOp::Concat})
            QCOMPARE(fusionOpFromName(fusionOpName(op)), std::optional<FusionOp>(op));
        QVERIFY(!fusionOpFromName(QStringLiteral("average")));
        QCOMPARE(fusionOpFormula(FusionOp::Sum, 2), QStringLiteral("F = α·E₁ + β·E₂"));
        QCOMPARE(fusionOpFormula(FusionOp::Concat, 3), QStringLiteral("F = [α·E₁, β·E₂, γ·E₃]"));
    }
};

QTEST_GUILESS_MAIN(FusionTest)
#include "test_fusion.moc"
