using Xunit.Abstractions;
using Xunit.Sdk;

namespace Steward.Tests.Infrastructure;

/// <summary>Marks a test class that runs against PostgreSQL. Without STEWARD_TEST_POSTGRES its tests
/// report as skipped, never as passed.</summary>
public interface IRequiresPostgres;

/// <summary>A fact that runs once per database provider the concrete test class targets.</summary>
[XunitTestCaseDiscoverer("Steward.Tests.Infrastructure.DbFactDiscoverer", "Steward.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class DbFactAttribute : FactAttribute;

[XunitTestCaseDiscoverer("Steward.Tests.Infrastructure.DbTheoryDiscoverer", "Steward.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class DbTheoryAttribute : TheoryAttribute;

public sealed class DbFactDiscoverer(IMessageSink sink) : IXunitTestCaseDiscoverer
{
    readonly FactDiscoverer _inner = new(sink);

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        DbSkip.For(sink, discoveryOptions, testMethod) ?? _inner.Discover(discoveryOptions, testMethod, factAttribute);
}

public sealed class DbTheoryDiscoverer(IMessageSink sink) : IXunitTestCaseDiscoverer
{
    readonly TheoryDiscoverer _inner = new(sink);

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        DbSkip.For(sink, discoveryOptions, testMethod) ?? _inner.Discover(discoveryOptions, testMethod, factAttribute);
}

static class DbSkip
{
    public static IEnumerable<IXunitTestCase>? For(IMessageSink sink, ITestFrameworkDiscoveryOptions options, ITestMethod method)
    {
        var type = method.TestClass.Class.ToRuntimeType();
        if (type is null || !typeof(IRequiresPostgres).IsAssignableFrom(type) || PostgresDatabase.ServerConnectionString is not null)
            return null;
        return
        [
            new XunitSkippedDataRowTestCase(sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), method,
                "PostgreSQL tests need STEWARD_TEST_POSTGRES (./test.sh starts a throwaway server and sets it)."),
        ];
    }
}
