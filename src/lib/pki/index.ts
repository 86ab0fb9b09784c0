/**
 * xaso PKI library (issue 3): signers, CAdES (RFC 5652, ETSI EN 319 122-1), RFC 3161 timestamps, CRL and
 * OCSP (RFC 5280, RFC 6960), PKCS#12 (RFC 7292) and a development PKI. Framework-free: imports nothing
 * from modules/, platform/ or web/. This file is the library's entry point; one operation per module.
 */
export { addSignatureTimestamp } from './add-signature-timestamp.ts';
export { type AssembleCadesOptions, assembleCadesSignature } from './assemble-cades-signature.ts';
export { type CreateCrlOptions, createCrl, type RevokedEntry } from './create-crl.ts';
export {
  type Credential,
  createDevelopmentPki,
  type DevelopmentPki,
  type DevelopmentPkiOptions,
  type DevelopmentPkiRole,
  developmentPolicyOid,
  generateRoleKey,
} from './create-development-pki.ts';
export { createKeySigner, type KeySignerOptions } from './create-key-signer.ts';
export { createOcspRequest } from './create-ocsp-request.ts';
export {
  type CreateOcspResponseOptions,
  createOcspResponse,
  type OcspEntry,
} from './create-ocsp-response.ts';
export {
  createTimestampAuthority,
  developmentTsaPolicyOid,
  type TimestampAuthority,
  type TimestampAuthorityOptions,
} from './create-timestamp-authority.ts';
export { createTimestampRequest, type TimestampRequestOptions } from './create-timestamp-request.ts';
export { type CertificateSummary, describeCertificate } from './describe-certificate.ts';
export { PkiError, type PkiErrorCode } from './errors.ts';
export { fetchRevocationData, type RevocationData } from './fetch-revocation-data.ts';
export type { RevocationReason } from './internal/revocation-reason.ts';
export type { TstInfo } from './internal/tsp.ts';
export {
  type CertificateProfile,
  type IssueCertificateOptions,
  issueCertificate,
  type NameAttribute,
  type NameAttributeType,
} from './issue-certificate.ts';
export { matchesOcspRequest } from './match-ocsp-request.ts';
export { type CrlEntry, type ParsedCrl, parseCrl } from './parse-crl.ts';
export { type ParsedOcspRequest, parseOcspRequest } from './parse-ocsp-request.ts';
export {
  type OcspResponseStatus,
  type OcspSingleResponse,
  type ParsedOcspResponse,
  parseOcspResponse,
} from './parse-ocsp-response.ts';
export { parseTimestampResponse, type TimestampResponse } from './parse-timestamp-response.ts';
export {
  type PrepareCadesOptions,
  type PreparedCadesSignature,
  prepareCadesSignature,
} from './prepare-cades-signature.ts';
export { type Pkcs12Credential, readPkcs12 } from './read-pkcs12.ts';
export { type ReadSignerChainsOptions, readSignerChains, type SignerChains } from './read-signer-chains.ts';
export { type SignCadesOptions, signCades } from './sign-cades.ts';
export type { SignatureAlgorithm, Signer } from './signer.ts';
export {
  type CadesProblem,
  type CadesVerdict,
  type CadesVerification,
  type CadesWarning,
  type CertificateRevocation,
  type VerifyCadesOptions,
  verifyCadesSignature,
} from './verify-cades-signature.ts';
export {
  type CertificateVerification,
  type VerifyCertificateOptions,
  verifyCertificate,
} from './verify-certificate.ts';
export {
  type TimestampProblem,
  type TimestampVerification,
  type VerifyTimestampOptions,
  verifyTimestampToken,
} from './verify-timestamp-token.ts';
export { type WritePkcs12Options, writePkcs12 } from './write-pkcs12.ts';
