namespace BhxhPlatform.Portal.ServiceClients;

public static class ServiceClientSetup
{
    /// <summary>One typed client per service, addressed by its Aspire name (<c>http://planning</c> …) through service discovery.</summary>
    public static IServiceCollection AddServiceClients(this IServiceCollection services)
    {
        services.AddTransient<AccessTokenHandler>();
        services.AddHttpClient<PlanningClient>(http => http.BaseAddress = new Uri("http://planning")).AddHttpMessageHandler<AccessTokenHandler>();
        services.AddHttpClient<OutreachClient>(http => http.BaseAddress = new Uri("http://outreach")).AddHttpMessageHandler<AccessTokenHandler>();
        services.AddHttpClient<ProspectsClient>(http => http.BaseAddress = new Uri("http://outreach")).AddHttpMessageHandler<AccessTokenHandler>();
        services.AddHttpClient<EmployersClient>(http => http.BaseAddress = new Uri("http://outreach")).AddHttpMessageHandler<AccessTokenHandler>();
        services.AddHttpClient<PartnersClient>(http => http.BaseAddress = new Uri("http://partners")).AddHttpMessageHandler<AccessTokenHandler>();
        services.AddHttpClient<ProvincePlanningClient>(http => http.BaseAddress = new Uri("http://planning")).AddHttpMessageHandler<AccessTokenHandler>();
        services.AddHttpClient<ReportsClient>(http => http.BaseAddress = new Uri("http://planning")).AddHttpMessageHandler<AccessTokenHandler>();
        services.AddHttpClient<IdentityClient>(http => http.BaseAddress = new Uri("http://identity")).AddHttpMessageHandler<AccessTokenHandler>();
        foreach (var service in AuditClient.Services)
        {
            services.AddHttpClient(AuditClient.ClientName(service), http => http.BaseAddress = new Uri($"http://{service}")).AddHttpMessageHandler<AccessTokenHandler>();
        }

        services.AddTransient<AuditClient>();
        foreach (var service in WorklistsClient.Lists.Values.Select(l => l.Service).Distinct())
        {
            services.AddHttpClient(WorklistsClient.ClientPrefix + service, http => http.BaseAddress = new Uri($"http://{service}")).AddHttpMessageHandler<AccessTokenHandler>();
        }

        services.AddTransient<WorklistsClient>();
        return services;
    }
}
