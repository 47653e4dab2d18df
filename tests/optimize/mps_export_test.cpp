// MPS export (mps_export.hpp): a hand-made covering model written and read back
// with Clp's reader; the LP value and the integer optimum of the file are the ones
// worked out by hand, and the names are the families'.
#include <gtest/gtest.h>

#include <coin/CbcModel.hpp>
#include <coin/OsiClpSolverInterface.hpp>

#include <cstdio>
#include <filesystem>
#include <string>

#include "optimize/model_builder.hpp"
#include "optimize/mps_export.hpp"

namespace staffplan::optimize {
namespace {

// Two 1 h intervals, each needing 2 productive agents at 0.65 per agent: column a
// works interval 0 (cost 8), b interval 1 (cost 8), c both (cost 12). LP: c = 2/0.65,
// 24/0.65 = 36.923; integer: 3 agents give 1.95 < 2, so each interval needs 4 agents
// present, and c = 4 (48) beats any mix with a and b (each c agent replaced costs 4 more).
TEST(MpsExport, RoundTripKeepsTheModel) {
  ModelBuilder b;
  const int a = b.add_var(VarKey{.column = 0}, 0, infinity, 8, true);
  const int bb = b.add_var(VarKey{.column = 1}, 0, infinity, 8, true);
  const int c = b.add_var(VarKey{.column = 2}, 0, infinity, 12, true);
  for (int i = 0; i < 2; ++i) {
    const int r = b.add_row(RowKey{.family = RowFamily::cover, .queue = 0, .interval = i}, 2, infinity);
    b.add_entry(r, i == 0 ? a : bb, 0.65);
    b.add_entry(r, c, 0.65);
  }
  const MilpModel model = b.build();
  const std::string path = (std::filesystem::temp_directory_path() / "staffplan_mps_export_test.mps").string();
  write_mps(model, path);
  OsiClpSolverInterface s;
  s.messageHandler()->setLogLevel(0);
  ASSERT_EQ(s.readMps(path.c_str(), ""), 0);
  std::remove(path.c_str());
  ASSERT_EQ(s.getNumCols(), 3);
  ASSERT_EQ(s.getNumRows(), 2);
  EXPECT_EQ(s.getColName(2), "x[2]");
  EXPECT_EQ(s.getRowName(1), "Cover(0,1)");
  EXPECT_TRUE(s.isInteger(0) && s.isInteger(2));
  s.initialSolve();
  ASSERT_TRUE(s.isProvenOptimal());
  EXPECT_NEAR(s.getObjValue(), 24 / 0.65, 1e-6);
  CbcModel cbc(s);
  cbc.setLogLevel(0);
  cbc.branchAndBound();
  ASSERT_TRUE(cbc.isProvenOptimal());
  EXPECT_NEAR(cbc.getObjValue(), 48, 1e-6);
}

TEST(MpsExport, UnwritablePathThrows) {
  EXPECT_THROW(write_mps(MilpModel{}, "/nonexistent-dir/x.mps"), std::runtime_error);
}

}  // namespace
}  // namespace staffplan::optimize
