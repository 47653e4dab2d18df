#pragma once
// The Boost.Math policy used by every special function call of the queueing models.
// Doubles are not promoted to long double (x87 long double would cost ~3x in speed and
// buys nothing against our 1e-9 target: Boost's double-precision incomplete gamma is
// accurate to a few hundred ulps even for arguments near 1e5), and underflow returns 0
// so callers can detect it and switch to their log-space fallback.
#include <boost/math/policies/policy.hpp>

namespace staffplan::queueing::detail {

using BoostPolicy = boost::math::policies::policy<
    boost::math::policies::promote_double<false>,
    boost::math::policies::underflow_error<boost::math::policies::ignore_error>>;

}  // namespace staffplan::queueing::detail
