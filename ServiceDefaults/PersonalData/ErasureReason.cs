namespace BhxhPlatform.ServiceDefaults.PersonalData;

/// <summary>Why a person's personal data was erased.</summary>
public enum ErasureReason
{
    /// <summary>The person asked for their data to be deleted.</summary>
    PersonRequested,

    /// <summary>The person withdrew their consent to be contacted.</summary>
    ConsentWithdrawn,

    /// <summary>The data was kept as long as allowed.</summary>
    RetentionExpired,

    /// <summary>The person was recorded by mistake.</summary>
    RecordedInError,
}
