#include "require/require.hpp"
