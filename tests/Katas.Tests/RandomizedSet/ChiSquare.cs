using System.Globalization;
using Xunit.Sdk;

namespace Katas.Tests;

/// <summary>
/// Pearson's chi-square goodness-of-fit test: are counts of draws what a given distribution makes likely? The
/// statistic sums (observed - expected)² / expected over the cells; for draws that do follow the distribution it is
/// chi-square distributed with one degree of freedom fewer than there are cells (when every cell expects at least
/// five, which the tests here exceed a thousandfold), and its upper tail is the p-value.
/// </summary>
internal static class ChiSquare
{
    /// <summary>
    /// The p-value below which draws are judged not to follow the distribution: a correct structure fails one test
    /// with this probability, over the seeds it could have been given. The tests' seeds are fixed, so a correct
    /// answer either passes a test every time or (once in a million answers) fails it every time; a biased one
    /// gives p-values below 1e-100.
    /// </summary>
    public const double Significance = 1e-6;

    /// <summary>Fails unless the observed counts fit the expected ones at <see cref="Significance"/>.</summary>
    /// <param name="what">What was counted, for the message, such as "draws from 20 items".</param>
    /// <param name="observed">How often each cell came up.</param>
    /// <param name="expected">How often each cell was expected to come up; the same total as <paramref name="observed"/>.</param>
    /// <param name="cellName">Names a cell by its index, for the message.</param>
    /// <exception cref="XunitException">The counts do not fit.</exception>
    public static void ShouldFit(string what, long[] observed, double[] expected, Func<int, string> cellName)
    {
        double statistic = 0;
        for (int cell = 0; cell < observed.Length; cell++)
        {
            double difference = observed[cell] - expected[cell];
            statistic += difference * difference / expected[cell];
        }

        int degreesOfFreedom = observed.Length - 1;
        double p = UpperTail(statistic, degreesOfFreedom);
        if (p < Significance)
        {
            // Beyond about 1e-308 the tail underflows to zero.
            string pValue = p < 1e-300 ? "p < 1e-300" : string.Create(CultureInfo.InvariantCulture, $"p = {p:G3}");
            var worst = Enumerable.Range(0, observed.Length)
                .OrderByDescending(cell => Math.Abs(observed[cell] - expected[cell]) / Math.Sqrt(expected[cell]))
                .Take(4)
                .Select(cell => string.Create(CultureInfo.InvariantCulture, $"{cellName(cell)} came up {observed[cell]:N0} times, not about {expected[cell]:N0}"));
            throw new XunitException(string.Create(
                CultureInfo.InvariantCulture,
                $"{what} are not uniform: chi-square {statistic:N1} with {degreesOfFreedom} degrees of freedom, {pValue} "
                + $"(a correct answer falls below {Significance:G1} once in a million). Furthest off: {string.Join("; ", worst)}."));
        }
    }

    /// <summary>The probability that a chi-square variable with the given degrees of freedom exceeds a value.</summary>
    /// <param name="statistic">The value.</param>
    /// <param name="degreesOfFreedom">The degrees of freedom, one or more.</param>
    /// <returns>The upper tail probability, Q(k / 2, x / 2).</returns>
    public static double UpperTail(double statistic, int degreesOfFreedom) =>
        statistic <= 0 ? 1 : UpperRegularizedGamma(degreesOfFreedom / 2.0, statistic / 2);

    // Q(a, x) = Γ(a, x) / Γ(a), by its series below a + 1 and its continued fraction above (Numerical Recipes, 6.2).
    private static double UpperRegularizedGamma(double a, double x)
    {
        double logPrefix = (a * Math.Log(x)) - x - LogGamma(a);
        if (x < a + 1)
        {
            double term = 1 / a;
            double sum = term;
            for (int n = 1; n < 10_000 && Math.Abs(term) > Math.Abs(sum) * 1e-16; n++)
            {
                term *= x / (a + n);
                sum += term;
            }

            return Math.Max(0, 1 - (sum * Math.Exp(logPrefix)));
        }

        // Lentz's method for the continued fraction of Γ(a, x).
        const double Tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / Tiny;
        double d = 1 / b;
        double fraction = d;
        for (int i = 1; i < 10_000; i++)
        {
            double an = -i * (i - a);
            b += 2;
            d = (an * d) + b;
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = b + (an / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            double step = d * c;
            fraction *= step;
            if (Math.Abs(step - 1) < 1e-16)
            {
                break;
            }
        }

        return Math.Exp(logPrefix) * fraction;
    }

    // ln Γ(x) for x > 0, by Lanczos's approximation (g = 7, nine terms), good to about 15 digits.
    private static double LogGamma(double x)
    {
        ReadOnlySpan<double> coefficients =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ];
        if (x < 0.5)
        {
            return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        }

        x -= 1;
        double sum = coefficients[0];
        for (int i = 1; i < coefficients.Length; i++)
        {
            sum += coefficients[i] / (x + i);
        }

        double t = x + 7.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }
}
