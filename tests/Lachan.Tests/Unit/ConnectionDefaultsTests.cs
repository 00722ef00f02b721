using Lachan.Infrastructure.Data;
using Npgsql;

namespace Lachan.Tests.Unit;

/// <summary>PostgreSQL connections prepare the statements they run often (perf13: each API request's token check and
/// lookup were parsed and planned on every call) and are not reset when given back to the pool (form14: three or four
/// resets per help form), unless the operator's connection string says otherwise.</summary>
public sealed class ConnectionDefaultsTests
{
    [Fact]
    public void A_connection_string_without_the_setting_gets_automatic_preparation()
    {
        var cs = DataModule.WithConnectionDefaults("Host=127.0.0.1;Port=5432;Username=lachan;Database=lachan");
        var b = new NpgsqlConnectionStringBuilder(cs);
        Assert.Equal(50, b.MaxAutoPrepare);
        Assert.True(b.NoResetOnClose);
        Assert.Equal("127.0.0.1", b.Host);
        Assert.Equal("lachan", b.Database);
    }

    [Theory]
    [InlineData("Host=db;Database=lachan;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Database=lachan;MaxAutoPrepare=5", 5)]
    [InlineData("Host=db;Database=lachan;max auto prepare=7", 7)]
    public void The_operator_s_own_setting_is_kept(string given, int expected) =>
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(DataModule.WithConnectionDefaults(given)).MaxAutoPrepare);

    [Theory]
    [InlineData("Host=db;Database=lachan;No Reset On Close=false")]
    [InlineData("Host=db;Database=lachan;NoResetOnClose=false")]
    public void The_operator_may_ask_for_the_reset(string given) =>
        Assert.False(new NpgsqlConnectionStringBuilder(DataModule.WithConnectionDefaults(given)).NoResetOnClose);
}
