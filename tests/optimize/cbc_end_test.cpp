// How a CBC run ended (cbc_end.hpp): CBC's "proven infeasible" counts only from a
// run that ended before its budget. The first case is the one caught on the family
// week f7-min-5s (CBC 2.10: status 0, secondary status 1, no node, bound still the
// LP's, 6.89 s into a budget ending at 6.87 s), which made `plan` call a plan
// optimal that the search then beat.
#include <gtest/gtest.h>

#include "optimize/cbc_end.hpp"

namespace staffplan::optimize::detail {
namespace {

TEST(CbcEnd, InfeasibleAtTheBudgetIsNoProof) {
  const CbcEnd end = classify_cbc_end(true, false, 6.89, 6.87);
  EXPECT_FALSE(end.proven_infeasible);
  EXPECT_TRUE(end.hit_time_limit);
  // Just inside the tolerance (CBC's clock starts after ours) counts the same.
  EXPECT_FALSE(classify_cbc_end(true, false, 6.83, 6.87).proven_infeasible);
}

TEST(CbcEnd, InfeasibleWellBeforeTheBudgetIsAProof) {
  const CbcEnd end = classify_cbc_end(true, false, 2.0, 6.87);
  EXPECT_TRUE(end.proven_infeasible);
  EXPECT_FALSE(end.hit_time_limit);
}

TEST(CbcEnd, CbcsOwnTimeLimitWins) {
  const CbcEnd end = classify_cbc_end(true, true, 2.0, 6.87);
  EXPECT_FALSE(end.proven_infeasible);
  EXPECT_TRUE(end.hit_time_limit);
  const CbcEnd finished = classify_cbc_end(false, false, 2.0, 6.87);
  EXPECT_FALSE(finished.proven_infeasible);
  EXPECT_FALSE(finished.hit_time_limit);
}

}  // namespace
}  // namespace staffplan::optimize::detail
