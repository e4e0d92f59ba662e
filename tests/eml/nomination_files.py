"""Nominations (EML 210) written by hand for the tests: no 210 sample is published.

:data:`JUINEN` is a municipal list handed in at the fictional municipality of Juinen (0042): a
candidate living in Belgium with a representative (Kieswet H 10), Teletex names (ş, ő, ł, ĳ),
a candidate with a partly unknown date of birth. :data:`TK_SET` is a national list handed in for
two kieskringen. Tests change them with plain byte replacements to make one fault at a time.
"""

from __future__ import annotations

__all__ = ["JUINEN", "TK_SET"]

_NAMESPACES = (
    b'xmlns="urn:oasis:names:tc:evs:schema:eml" '
    b'xmlns:ds="http://www.w3.org/2000/09/xmldsig#" '
    b'xmlns:kr="http://www.kiesraad.nl/extensions" '
    b'xmlns:xal="urn:oasis:names:tc:ciq:xsdschema:xAL:2.0" '
    b'xmlns:xnl="urn:oasis:names:tc:ciq:xsdschema:xNL:2.0"'
)

_PROPOSERS = """
    <Nominate>
      <Proposer>
        <Name>
          <xnl:PersonName>
            <xnl:NameLine NameType="Initials">W.</xnl:NameLine>
            <xnl:FirstName>Willemijn</xnl:FirstName>
            <xnl:NamePrefix>van 't</xnl:NamePrefix>
            <xnl:LastName>Hoff</xnl:LastName>
          </xnl:PersonName>
        </Name>
        <Contact>
          <MailingAddress>
            <xal:Locality>
              <xal:AddressLine>Dorpsstraat 12</xal:AddressLine>
              <xal:LocalityName>Juinen</xal:LocalityName>
              <xal:PostalCode>
                <xal:PostalCodeNumber>1234 AB</xal:PostalCodeNumber>
              </xal:PostalCode>
            </xal:Locality>
          </MailingAddress>
        </Contact>
        <JobTitle>inleveraar</JobTitle>
        <kr:LivingAddress>
          <kr:LocalityName>Juinen</kr:LocalityName>
        </kr:LivingAddress>
      </Proposer>
      <Proposer>
        <Name>
          <xnl:PersonName>
            <xnl:NameLine NameType="Initials">K.</xnl:NameLine>
            <xnl:LastName>Dĳkstra</xnl:LastName>
          </xnl:PersonName>
        </Name>
        <Contact>
          <MailingAddress>
            <xal:Locality>
              <xal:LocalityName>Juinen</xal:LocalityName>
            </xal:Locality>
          </MailingAddress>
        </Contact>
        <JobTitle>plaatsvervanger van de inleveraar</JobTitle>
        <Id>1</Id>
      </Proposer>
    </Nominate>"""

JUINEN = (
    b"<?xml version='1.0' encoding='UTF-8'?>\n<EML "
    + _NAMESPACES
    + """ Id="210" SchemaVersion="5">
  <TransactionId>1</TransactionId>
  <ManagingAuthority>
    <AuthorityIdentifier Id="0042">Juinen</AuthorityIdentifier>
    <AuthorityAddress/>
    <kr:CreatedByAuthority Id="0042">Lokaal Belang Juinen</kr:CreatedByAuthority>
  </ManagingAuthority>
  <IssueDate>2026-02-02</IssueDate>
  <kr:CreationDateTime>2026-02-01T21:14:03.250</kr:CreationDateTime>
  <ds:CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments"/>
  <Nomination>
    <ElectionIdentifier Id="GR2026_Juinen">
      <ElectionName>Gemeenteraad Juinen 2026</ElectionName>
      <ElectionCategory>GR</ElectionCategory>
      <kr:ElectionSubcategory>GR2</kr:ElectionSubcategory>
      <kr:ElectionDomain Id="0042">Juinen</kr:ElectionDomain>
      <kr:ElectionDate>2026-03-18</kr:ElectionDate>
      <kr:NominationDate>2026-02-02</kr:NominationDate>
    </ElectionIdentifier>
    <ContestIdentifier Id="geen">
      <ContestName>Juinen</ContestName>
    </ContestIdentifier>
    <Affiliation>
      <AffiliationIdentifier>
        <RegisteredName>Lokaal Belang Juinen</RegisteredName>
      </AffiliationIdentifier>
      <Type>op zichzelf staande lijst</Type>
      <kr:ListData PublicationLanguage="nl" PublishGender="true"/>
      <Candidate>
        <CandidateIdentifier Id="1"/>
        <CandidateFullName>
          <xnl:PersonName>
            <xnl:NameLine NameType="Initials">Ş.Ő.</xnl:NameLine>
            <xnl:FirstName>Şebnem</xnl:FirstName>
            <xnl:LastName>Yılmaz-Wójcik</xnl:LastName>
          </xnl:PersonName>
        </CandidateFullName>
        <DateOfBirth>1984-07-12</DateOfBirth>
        <Gender>female</Gender>
        <QualifyingAddress>
          <xal:Locality>
            <xal:LocalityName>Juinen</xal:LocalityName>
          </xal:Locality>
        </QualifyingAddress>
        <Contact>
          <MailingAddress>
            <xal:Locality>
              <xal:AddressLine>Kerkpad 3</xal:AddressLine>
              <xal:LocalityName>Juinen</xal:LocalityName>
              <xal:PostalCode>
                <xal:PostalCodeNumber>1234 AC</xal:PostalCodeNumber>
              </xal:PostalCode>
            </xal:Locality>
          </MailingAddress>
        </Contact>
        <kr:NationalIdentificationNumber>111222333</kr:NationalIdentificationNumber>
      </Candidate>
      <Candidate>
        <CandidateIdentifier Id="2"/>
        <CandidateFullName>
          <xnl:PersonName>
            <xnl:NameLine NameType="Initials">Ł.</xnl:NameLine>
            <xnl:NamePrefix>de</xnl:NamePrefix>
            <xnl:LastName>Vries</xnl:LastName>
          </xnl:PersonName>
        </CandidateFullName>
        <kr:GenderAnnex>other</kr:GenderAnnex>
        <QualifyingAddress>
          <xal:Country>
            <xal:CountryNameCode>BE</xal:CountryNameCode>
            <xal:Locality>
              <xal:LocalityName>Antwerpen</xal:LocalityName>
            </xal:Locality>
          </xal:Country>
        </QualifyingAddress>
        <Contact>
          <MailingAddress>
            <xal:Country>
              <xal:CountryNameCode>BE</xal:CountryNameCode>
              <xal:Locality>
                <xal:AddressLine>Meir 50</xal:AddressLine>
                <xal:LocalityName>Antwerpen</xal:LocalityName>
                <xal:PostalCode>
                  <xal:PostalCodeNumber>2000</xal:PostalCodeNumber>
                </xal:PostalCode>
              </xal:Locality>
            </xal:Country>
          </MailingAddress>
        </Contact>
        <Agent Role="H10">
          <AgentIdentifier>
            <AgentName>
              <xnl:PersonName>
                <xnl:NameLine NameType="Initials">J.</xnl:NameLine>
                <xnl:LastName>Bakker</xnl:LastName>
              </xnl:PersonName>
            </AgentName>
          </AgentIdentifier>
          <Contact>
            <MailingAddress>
              <xal:Locality>
                <xal:AddressLine>Molenweg 7</xal:AddressLine>
                <xal:LocalityName>Juinen</xal:LocalityName>
                <xal:PostalCode>
                  <xal:PostalCodeNumber>1234 AD</xal:PostalCodeNumber>
                </xal:PostalCode>
              </xal:Locality>
            </MailingAddress>
          </Contact>
          <kr:LivingAddress>
            <kr:LocalityName>Juinen</kr:LocalityName>
          </kr:LivingAddress>
        </Agent>
        <kr:DateOfBirthAnnex>XX-05-1976</kr:DateOfBirthAnnex>
      </Candidate>
    </Affiliation>""".encode()
    + _PROPOSERS.encode()
    + b"""
  </Nomination>
</EML>
"""
)

TK_SET = (
    b"<EML "
    + _NAMESPACES
    + """ Id="210" SchemaVersion="5">
  <TransactionId>1</TransactionId>
  <IssueDate>2025-09-15</IssueDate>
  <kr:Schema Version="1.3"/>
  <kr:CreationDateTime>2025-09-14T09:00:00.000</kr:CreationDateTime>
  <Nomination>
    <ElectionIdentifier Id="TK2025">
      <ElectionName>Tweede Kamer der Staten-Generaal 2025</ElectionName>
      <ElectionCategory>TK</ElectionCategory>
      <kr:ElectionSubcategory>TK</kr:ElectionSubcategory>
      <kr:ElectionDate>2025-10-29</kr:ElectionDate>
      <kr:NominationDate>2025-09-15</kr:NominationDate>
    </ElectionIdentifier>
    <ContestIdentifier Id="alle">
      <ContestName/>
    </ContestIdentifier>
    <Affiliation>
      <AffiliationIdentifier>
        <RegisteredName>Partij voor Ĳsselmonde</RegisteredName>
      </AffiliationIdentifier>
      <Type>stel gelijkluidende lijsten</Type>
      <kr:ListData BelongsToSet="1" PublicationLanguage="fy" PublishGender="false">
        <kr:Contests>
          <kr:Contest Id="2">Leeuwarden</kr:Contest>
          <kr:Contest Id="10">Haarlem</kr:Contest>
        </kr:Contests>
      </kr:ListData>
      <Candidate>
        <CandidateIdentifier Id="1"/>
        <CandidateFullName>
          <xnl:PersonName>
            <xnl:NameLine NameType="Initials">G.</xnl:NameLine>
            <xnl:LastName>Ŏsterhuis</xnl:LastName>
          </xnl:PersonName>
        </CandidateFullName>
        <QualifyingAddress>
          <xal:Locality>
            <xal:LocalityName>Ljouwert</xal:LocalityName>
          </xal:Locality>
        </QualifyingAddress>
      </Candidate>
    </Affiliation>""".encode()
    + _PROPOSERS.encode()
    + b"""
  </Nomination>
</EML>
"""
)
