using Lachan.Features.Registry.Contracts;

namespace Lachan.Features.Support.Payments;

/// <summary>What payments add to the support module: batches, bank files, returns, reconciliation, the profile block.</summary>
public static class PaymentsSetup
{
    public static IServiceCollection AddSupportPayments(this IServiceCollection services) =>
        services.AddScoped<PaymentScope>().AddScoped<PaymentBatches>().AddScoped<BankFiles>().AddScoped<BankReturns>().AddScoped<Reconciliation>()
            .AddScoped<SupportSection>().AddScoped<IWorkerProfileSection>(s => s.GetRequiredService<SupportSection>());

    public static RouteGroupBuilder MapSupportPayments(this RouteGroupBuilder api) => api.MapPaymentEndpoints();
}
