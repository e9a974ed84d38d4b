import Foundation
import RSA

/// Probes an implementation, runs the matrix with its profile and builds the report. The same for a
/// Java class (java-check) and a port behind an adapter (port-check): everything goes through
/// `ImplementationUnderTest`.
public enum ImplementationCheck {
    /// Throws only `ProbeAbort` errors (the implementation stopped answering: exit 2).
    public static func run(_ implementation: ImplementationUnderTest, options: ProbeOptions = ProbeOptions(),
                           progress: @escaping (String) -> Void = { _ in }) throws -> ImplementationReport {
        let started = Date()
        let ctx = ProbeContext(implementation: implementation, options: options, progress: progress)
        let profile = try probe(ctx)
        let matrix = try BidirectionalMatrix(ctx: ctx, profile: profile).run()
        var report = ReportAssembler(ctx: ctx, profile: profile, matrix: matrix).report()
        report.durationSeconds = (Date().timeIntervalSince(started) * 1000).rounded() / 1000
        return report
    }

    /// Every probe in order; each returns its typed finding.
    static func probe(_ ctx: ProbeContext) throws -> ImplementationProfile {
        var profile = ImplementationProfile()
        ctx.progress("probing keys")
        profile.keys = try KeyProbe().run(ctx)
        profile.k = ctx.k
        ctx.progress("probing the signature algorithm")
        profile.signature = try SignatureProbe().run(ctx)
        ctx.progress("probing chunking and padding")
        profile.publicCipher = try CipherProbe(direction: .publicToPrivate).run(ctx)
        profile.privateCipher = try CipherProbe(direction: .privateToPublic).run(ctx)
        profile.roundTrip = try RoundTripProbe().run(ctx)
        ctx.progress("probing charsets")
        profile.charset = try CharsetProbe().run(ctx, algorithm: profile.signature.algorithm)
        profile.failOpen = try FailOpenProbe().run(ctx)
        profile.base64 = Base64StyleProbe().run(ctx)
        return profile
    }
}
