# ruff: noqa: E501 — the vocabulary lists are data; one skill per line reads better than wrapping.
"""Regenerate ``matching/skills/data/skills.json`` from the curated lists below.

Run ``python matching/skills/build_vocabulary.py``; the output is deterministic (sorted, no
timestamps) so a diff of the JSON shows exactly what a list edit changed.

Why a hand-curated list and not a downloaded one: the open skill vocabularies on PyPI/npm
either fetch their data at runtime (skillNer, from GitHub) or are brand/icon lists that mix
tools with airlines and clothing labels, which would wreck precision when skills are found
in free text. The lists here are written for CV parsing: each line is

    Canonical name | alias, alias | related, related

aliases are other spellings of the same skill (case and punctuation are ignored when
matching anyway), ``related`` names skills that earn partial credit in matching (a
framework's language, a service's cloud). A leading ``!`` marks an *ambiguous* name (an
English word or a one-letter name such as ``C``, ``R``, ``Go``, ``Excel``): it is accepted
inside a skills section or next to other skills, never on its own in prose.

Programmatic families (cloud services, versioned variants, "X developer" compounds) are
expanded in ``_generated()`` so the vocabulary reaches thousands of entries without
thousands of hand-typed lines.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

OUT = Path(__file__).resolve().parent / "data" / "skills.json"

LISTS: dict[str, str] = {
    "language": """
Python | python3, python 3, py | Django, Flask, FastAPI, Pandas
Java | java se, java ee, core java | Spring, Kotlin, Scala, JVM
JavaScript | js, ecmascript, es6, es2015, ecmascript 6, vanilla js, vanilla javascript | TypeScript, Node.js, React
TypeScript | ts | JavaScript, Angular
!C | c language, ansi c, c99, c11 | C++, Embedded Systems
C++ | cpp, c plus plus, c++11, c++14, c++17, c++20 | C, STL, Qt
C# | c sharp, csharp, c-sharp | .NET, ASP.NET
!Go | golang, go lang | Kubernetes, Docker
!Rust | rust lang, rustlang | C++, WebAssembly
!Ruby | ruby lang | Ruby on Rails
PHP | php7, php 7, php8, php 8, php5 | Laravel, Symfony, WordPress
!Swift | swift 5, swiftlang | iOS, SwiftUI, Objective-C
Kotlin | kotlin/jvm | Java, Android
Objective-C | objective c, objc, obj-c | iOS, Swift
Scala | scala 2, scala 3 | Java, Spark, Akka
!R | r language, r programming, rlang, r studio | Statistics, RStudio
MATLAB | matlab/simulink | Simulink, Octave
Perl | perl5, perl 5 | Bash
Haskell | ghc | Functional Programming
OCaml | ocaml 5 | Functional Programming
Erlang | erlang/otp | Elixir
Elixir | elixir lang | Erlang, Phoenix
Clojure | clj | Java
ClojureScript | cljs | Clojure
F# | f sharp, fsharp | .NET
!Dart | dart lang | Flutter
Lua | lua5
!Julia | julia lang | Python
Fortran | fortran 90, fortran90, f90
COBOL | cobol 85 | Mainframe
Pascal | object pascal | Delphi
Delphi | embarcadero delphi | Pascal
Visual Basic | vb, vb6, visual basic 6 | VBA, VB.NET
VB.NET | vb .net, visual basic .net | .NET
VBA | excel vba, vba macros | Excel
Groovy | apache groovy | Java, Gradle
Shell Scripting | shell script, shell scripts, shell | Bash
Bash | bash scripting, bash script | Linux, Shell Scripting
Zsh | z shell
PowerShell | powershell scripting, pwsh | Windows
SQL | structured query language, sql language | MySQL, PostgreSQL
PL/SQL | plsql, pl sql | Oracle
T-SQL | tsql, transact-sql, transact sql | SQL Server
Assembly | assembler, asm, assembly language
x86 Assembly | x86 asm, x86 | Assembly
ARM Assembly | arm asm | Assembly
Prolog | swi-prolog
Common Lisp | lisp, clisp, sbcl | Scheme
Scheme | racket scheme | Lisp
Racket | racket lang | Scheme
Smalltalk | pharo
Ada | ada95
!Forth | forth language
Verilog | systemverilog, system verilog | VHDL, FPGA
VHDL | vhsic hdl | Verilog, FPGA
Solidity | solidity lang | Ethereum, Blockchain
Apex | salesforce apex | Salesforce
ABAP | sap abap | SAP
Crystal | crystal lang | Ruby
Nim | nim lang
Zig | ziglang
Elm | elm lang | Functional Programming
PureScript | purescript lang | Haskell
ReasonML | reason | OCaml
CoffeeScript | coffee script | JavaScript
Hack | hhvm hack | PHP
Haxe | haxe lang
Awk | gawk | Bash
Sed | gnu sed | Bash
Tcl | tcl/tk
Mathematica | wolfram mathematica, wolfram language
!Sage | sagemath | Python
Octave | gnu octave | MATLAB
SAS | sas programming, base sas | Statistics
Stata | stata 17 | Statistics
SPSS | ibm spss, spss statistics | Statistics
LabVIEW | labview
GraphQL | gql | Apollo
HTML | html 4, xhtml | CSS
HTML5 | html 5 | HTML, CSS3
CSS | css styling | HTML
CSS3 | css 3 | CSS, HTML5
Sass | scss | CSS
Less | less css, lesscss | CSS
Stylus | stylus css | CSS
XML | xml schema, xsd | XSLT
XSLT | xsl | XML
JSON | json schema | REST
YAML | yml
Markdown | md
LaTeX | latex, tex, xelatex
Regex | regular expressions, regexp
WebAssembly | wasm | Rust
CUDA | cuda c | GPU Programming
OpenCL | opencl c | CUDA
GLSL | opengl shading language | OpenGL
HLSL | high level shading language | DirectX
Nix | nix lang, nix language | NixOS
""",
    "framework": """
Django | django rest, django framework | Python
Django REST Framework | drf, django rest framework | Django
Flask | flask framework | Python
FastAPI | fast api | Python
Pyramid | pyramid framework | Python
Tornado | tornado web | Python
Streamlit | streamlit app | Python
Spring | spring framework, spring core | Java
Spring Boot | springboot, spring-boot | Spring, Java
Spring MVC | springmvc | Spring
Spring Security | spring-security | Spring
Spring Web | spring webmvc | Spring
Spring Cloud | spring-cloud | Spring, Microservices
Spring Data | spring data jpa | Spring, JPA
Spring Batch | spring-batch | Spring
Hibernate | hibernate orm | JPA, Java
JPA | java persistence api | Hibernate
JDBC | java database connectivity | Java
J2EE | jee, java ee, jakarta ee, javaee | Java
Servlets | java servlets, jsp/servlets | J2EE
JSP | java server pages | J2EE
JSF | javaserver faces | J2EE
Struts | apache struts | Java
Micronaut | micronaut framework | Java
Quarkus | quarkus framework | Java
Vert.x | vertx | Java
Play Framework | play! framework | Scala
Akka | akka actors | Scala
Dropwizard | dropwizard framework | Java
React | react.js, reactjs, react js | JavaScript, Redux
React Native | react-native, reactnative | React, Mobile Development
Next.js | nextjs, next js | React
Gatsby | gatsbyjs, gatsby.js | React
Remix | remix.run | React
Redux | redux.js, redux toolkit | React
MobX | mobx state tree | React
Angular | angular 2+, angular2, angular 2, angular 4, angular 8, angular 12 | TypeScript
AngularJS | angular.js, angular 1, angularjs 1.x | JavaScript
Vue.js | vue, vuejs, vue js, vue 3, vue2, vue 2 | JavaScript
Nuxt.js | nuxt, nuxtjs | Vue.js
Svelte | sveltejs | JavaScript
SvelteKit | svelte kit | Svelte
Ember.js | ember, emberjs | JavaScript
Backbone.js | backbone, backbonejs | JavaScript
Preact | preactjs | React
SolidJS | solid.js | JavaScript
Alpine.js | alpinejs | JavaScript
jQuery | jquery ui, jquery.js | JavaScript
Bootstrap | twitter bootstrap, bootstrap 3, bootstrap 4, bootstrap 5, bootstrap3, bootstrap4, bootstrap5 | CSS
Tailwind CSS | tailwind, tailwindcss | CSS
Material UI | mui, material-ui | React
Chakra UI | chakra | React
Ant Design | antd | React
Foundation | zurb foundation | CSS
Bulma | bulma css | CSS
Semantic UI | semantic-ui | CSS
Node.js | node, nodejs, node js | JavaScript
Express | express.js, expressjs, express js | Node.js
Koa | koa.js, koajs | Node.js
NestJS | nest.js, nest | Node.js, TypeScript
Hapi | hapi.js, hapijs | Node.js
Fastify | fastify.js | Node.js
Meteor | meteor.js, meteorjs | JavaScript
Deno | deno runtime | TypeScript
Bun | bun.js | JavaScript
Electron | electron.js, electronjs | JavaScript
Ionic | ionic framework | Angular, Mobile Development
Cordova | apache cordova | Mobile Development
PhoneGap | adobe phonegap | Cordova
Cocos2d-JS | cocos2djs, cocos2d js | Game Development
Cocos2d-x | cocos2dx | Game Development
Unity | unity3d, unity 3d, unity engine | C#, Game Development
Unreal Engine | ue4, ue5, unreal | C++, Game Development
Godot | godot engine | Game Development
Flutter | flutter sdk | Dart, Mobile Development
Xamarin | xamarin.forms | C#, Mobile Development
.NET | dotnet, .net framework, .net core, dot net, net core | C#
ASP.NET | asp.net mvc, asp.net core, aspnet | .NET, C#
Entity Framework | ef core, entity framework core | .NET
Blazor | blazor webassembly | .NET
WPF | windows presentation foundation | .NET
WinForms | windows forms | .NET
Ruby on Rails | rails, ror, ruby-on-rails | Ruby
Sinatra | sinatra framework | Ruby
Laravel | laravel framework | PHP
Symfony | symfony framework | PHP
CodeIgniter | code igniter | PHP
CakePHP | cake php | PHP
Zend Framework | zend, laminas | PHP
Yii | yii2, yii framework | PHP
ThinkPHP | think php | PHP
Yaf | yet another framework | PHP
Phalcon | phalcon php | PHP
Slim | slim framework | PHP
LazyPHP | lazy php | PHP
Lavaral | lavaral framework | PHP
WordPress | wordpress cms, wp | PHP
Drupal | drupal cms | PHP
Joomla | joomla cms | PHP
Magento | magento 2 | PHP, E-commerce
Shopify | shopify liquid | E-commerce
Phoenix | phoenix framework | Elixir
Gin | gin-gonic | Go
Echo | echo framework | Go
Fiber | gofiber | Go
Actix | actix-web | Rust
Rocket | rocket.rs | Rust
Tokio | tokio-rs | Rust
Qt | qt5, qt6, qt framework, pyqt, pyside | C++
GTK | gtk+ | C
Boost | boost c++ | C++
STL | standard template library | C++
OpenGL | opengl es | Computer Graphics
DirectX | direct3d | Computer Graphics
Vulkan | vulkan api | Computer Graphics
Three.js | threejs | WebGL
WebGL | webgl2 | JavaScript
D3.js | d3, d3js | JavaScript, Data Visualization
Chart.js | chartjs | JavaScript
Highcharts | highcharts js | JavaScript
Leaflet | leaflet.js | JavaScript
Hugo | hugo static site generator | Go
Jekyll | jekyll static site | Ruby
Hexo | hexo.js | Node.js
Eleventy | 11ty | JavaScript
Apollo | apollo graphql, apollo client, apollo server | GraphQL
Relay | relay modern | GraphQL, React
Socket.IO | socket.io, socketio | Node.js, WebSockets
RxJS | reactivex, rx.js | Angular
NgRx | ngrx store | Angular
Storybook | storybook.js | React
Webpack | webpack 5, webpack4 | JavaScript
Babel | babel.js, babeljs | JavaScript
Vite | vitejs | JavaScript
Rollup | rollup.js | JavaScript
Parcel | parcel bundler | JavaScript
esbuild | es build | JavaScript
Gulp | gulp.js, gulpjs | JavaScript
Grunt | grunt.js, gruntjs | JavaScript
Bower | bower.io | JavaScript
npm | npm scripts | Node.js
Yarn | yarnpkg | Node.js
pnpm | pnpm workspace | Node.js
Lerna | lerna monorepo | JavaScript
Nx | nrwl nx | JavaScript
Turborepo | turbo repo | JavaScript
""",
    "library": """
NumPy | numpy | Python
Pandas | pandas dataframe | Python, Data Analysis
SciPy | scipy | Python
Matplotlib | matplotlib.pyplot | Python, Data Visualization
Seaborn | seaborn | Python, Data Visualization
Plotly | plotly.js, plotly dash | Data Visualization
Dash | plotly dash apps | Python
Bokeh | bokeh plots | Python
scikit-learn | sklearn, scikit learn, scikit | Machine Learning, Python
TensorFlow | tensorflow 2, tf2, tensor flow | Machine Learning, Deep Learning
Keras | keras api | TensorFlow, Deep Learning
PyTorch | torch, py torch | Deep Learning, Python
PyTorch Lightning | lightning | PyTorch
JAX | google jax | Machine Learning
XGBoost | xgb | Machine Learning
LightGBM | lgbm, light gbm | Machine Learning
CatBoost | catboost | Machine Learning
Hugging Face | huggingface, hugging face transformers, transformers | NLP, Deep Learning
spaCy | spacy | NLP, Python
NLTK | natural language toolkit | NLP, Python
Gensim | gensim | NLP
OpenCV | open cv, cv2 | Computer Vision
Pillow | pil | Python
LangChain | lang chain | LLM
LlamaIndex | llama index | LLM
Statsmodels | statsmodels | Statistics
SymPy | sympy | Python
Numba | numba jit | Python
Cython | cython | Python
Dask | dask distributed | Python, Big Data
Polars | polars dataframe | Python
PySpark | py spark | Spark, Python
Celery | celery task queue | Python, RabbitMQ
SQLAlchemy | sql alchemy | Python
Alembic | alembic migrations | SQLAlchemy
Pydantic | pydantic v2 | Python
Requests | python requests | Python
BeautifulSoup | beautiful soup, bs4 | Web Scraping
Scrapy | scrapy framework | Web Scraping
Selenium | selenium webdriver | Test Automation
Playwright | playwright test | Test Automation
Puppeteer | puppeteer js | Test Automation
Cypress | cypress.io | Test Automation
Jest | jestjs | JavaScript, Unit Testing
Mocha | mocha.js | JavaScript, Unit Testing
Chai | chai.js | Mocha
Jasmine | jasmine.js | JavaScript, Unit Testing
Karma | karma runner | Angular
Enzyme | enzyme js | React
React Testing Library | testing library, rtl | React, Jest
Vitest | vitest | Vite
pytest | py.test, pytest framework | Python, Unit Testing
unittest | python unittest | Python
JUnit | junit 4, junit 5, junit5, junit4 | Java, Unit Testing
TestNG | testng framework | Java
Mockito | mockito framework | Java, JUnit
PowerMock | powermockito | Java
Cucumber | cucumber bdd | BDD
SpecFlow | specflow bdd | BDD
RSpec | rspec | Ruby
Capybara | capybara ruby | Ruby
PHPUnit | php unit | PHP
SimpleTest | simple test | PHP
QUnit | q unit | JavaScript
NUnit | n unit | .NET
xUnit | xunit.net | .NET
Robot Framework | robotframework | Test Automation
Appium | appium | Mobile Testing
Espresso | android espresso | Android
XCTest | xctest | iOS
Postman | postman api | API Testing
SoapUI | soap ui | API Testing
JMeter | apache jmeter | Performance Testing
Gatling | gatling load testing | Performance Testing
Locust | locust.io | Performance Testing
k6 | grafana k6 | Performance Testing
Lodash | lodash.js, underscore | JavaScript
Moment.js | moment, momentjs | JavaScript
Axios | axios http | JavaScript
GSAP | greensock | JavaScript
Immutable.js | immutablejs | JavaScript
Zustand | zustand store | React
React Router | react-router | React
React Query | tanstack query | React
Formik | formik forms | React
Styled Components | styled-components | React, CSS
Emotion | emotion css | React
Swagger | swagger ui, swagger api | OpenAPI
OpenAPI | openapi spec, openapi 3 | REST
Protobuf | protocol buffers, protobuf3 | gRPC
gRPC | grpc api | Microservices
Thrift | apache thrift | RPC
Avro | apache avro | Kafka
Log4j | log4j2 | Java
SLF4J | slf4j | Java
Lombok | project lombok | Java
Jackson | jackson json | Java
Guava | google guava | Java
Netty | netty io | Java
Retrofit | retrofit2 | Android
Dagger | dagger 2, dagger2, hilt | Android
RxJava | rx java | Java
Jetpack Compose | compose | Android, Kotlin
SwiftUI | swift ui | iOS, Swift
UIKit | ui kit | iOS
Core Data | coredata | iOS
Combine | combine framework | Swift
Alamofire | alamofire | iOS
CocoaPods | cocoa pods | iOS
Carthage | carthage ios | iOS
Realm | realm db | Mobile Development
Composer | php composer | PHP
PHPDoc | phpdoc | PHP
Phing | phing build | PHP
PDO | php data objects | PHP
Twig | twig templates | PHP
Smarty | smarty templates | PHP
Jinja | jinja2 | Python
Handlebars | handlebars.js | JavaScript
Pug | jade templates | JavaScript
EJS | embedded javascript | JavaScript
Thymeleaf | thymeleaf templates | Spring
Freemarker | apache freemarker | Java
Velocity | apache velocity | Java
Redux-Saga | redux saga | Redux
Redux Thunk | redux-thunk | Redux
""",
    "database": """
MySQL | my sql, mysql 8 | SQL
PostgreSQL | postgres, postgresql 14, psql, pgsql, pg sql, postgre | SQL
SQLite | sqlite3 | SQL
Oracle Database | oracle db, oracle 11g, oracle 12c, oracle 19c, oracle rdbms, !oracle | SQL, PL/SQL
SQL Server | microsoft sql server, mssql, ms sql, ms sql server, sql server 2019 | T-SQL
MariaDB | maria db | MySQL
MongoDB | mongo, mongo db | NoSQL
Redis | redis cache | NoSQL
Memcached | memcache | Caching
Cassandra | apache cassandra | NoSQL
Couchbase | couch base | NoSQL
CouchDB | apache couchdb, couch db | NoSQL
DynamoDB | amazon dynamodb, aws dynamodb, dynamo db | AWS, NoSQL
Elasticsearch | elastic search, elasticsearch 7, es cluster | ELK Stack
OpenSearch | amazon opensearch | Elasticsearch
Solr | apache solr | Search
Lucene | apache lucene | Search
Neo4j | neo4j graph | Graph Databases
TinyDB | tiny db | Python
InfluxDB | influx db | Time Series
TimescaleDB | timescale | PostgreSQL
Prometheus | prometheus monitoring | Monitoring, Grafana
HBase | apache hbase | Hadoop
Hive | apache hive, hiveql | Hadoop
Impala | apache impala | Hadoop
Presto | prestodb | Big Data
Trino | trino sql | Big Data
ClickHouse | click house | OLAP
Snowflake | snowflake data warehouse | Data Warehousing
Amazon Redshift | redshift, aws redshift | AWS, Data Warehousing
BigQuery | google bigquery, big query | Google Cloud Platform
Azure SQL | azure sql database | Azure
Cosmos DB | azure cosmos db, cosmosdb | Azure
Firestore | cloud firestore | Firebase
Firebase | google firebase, firebase realtime database | Google Cloud Platform
Supabase | supabase db | PostgreSQL
CockroachDB | cockroach db | SQL
Teradata | teradata sql | Data Warehousing
IBM Db2 | db2 | SQL
Sybase | sybase ase | SQL
Informix | ibm informix | SQL
Microsoft Access | ms access, access database | SQL
FoxPro | visual foxpro
RethinkDB | rethink db | NoSQL
ArangoDB | arango db | NoSQL
Pinecone | pinecone vector db | Vector Databases
Milvus | milvus vector db | Vector Databases
Weaviate | weaviate db | Vector Databases
FAISS | faiss index | Vector Databases
NoSQL | no sql, non-relational databases | MongoDB
Graph Databases | graph database | Neo4j
Vector Databases | vector database, vector db | LLM
Time Series | time series databases, tsdb | InfluxDB
Data Warehousing | data warehouse, dwh, data warehouses | ETL
Data Lake | data lakes, datalake, lakehouse | Big Data
Database Design | database modeling, data modeling, data modelling, schema design | SQL
Database Optimization | query optimization, database tuning, sql tuning, performance tuning | SQL
Database Administration | dba, database administrator | SQL
""",
    "cloud": """
AWS | amazon web services, aws cloud, amazon aws | Cloud Computing
Azure | microsoft azure, azure cloud, ms azure | Cloud Computing
Google Cloud Platform | gcp, google cloud | Cloud Computing
IBM Cloud | bluemix, ibm bluemix | Cloud Computing
Oracle Cloud | oci, oracle cloud infrastructure | Cloud Computing
Alibaba Cloud | aliyun | Cloud Computing
DigitalOcean | digital ocean | Cloud Computing
Heroku | heroku platform | PaaS
Vercel | zeit now | Next.js
Netlify | netlify cms | JAMstack
Cloudflare | cloudflare workers | CDN
Linode | akamai linode | Cloud Computing
OpenStack | open stack | Cloud Computing
VMware | vmware vsphere, vsphere, esxi, vmware esxi | Virtualization
Hyper-V | hyperv, microsoft hyper-v | Virtualization
Proxmox | proxmox ve | Virtualization
Citrix | citrix xenapp, citrix xendesktop | Virtualization
SAE | sina app engine | PaaS
BAE | baidu app engine | PaaS
Google App Engine | app engine, gae | Google Cloud Platform
Cloud Computing | cloud, cloud services, cloud platforms | AWS
Cloud Infrastructure | cloud infra | Cloud Computing
Cloud-native Development | cloud native, cloud-native, cloud native development | Kubernetes
Serverless | serverless architecture, serverless framework, faas | AWS Lambda
Multi-cloud | multi cloud, hybrid cloud | Cloud Computing
""",
    "devops": """
Docker | docker compose, docker-compose, docker swarm, containers docker | Containerization, Kubernetes
Kubernetes | k8s, kube, kubernetes cluster | Docker, Containerization
Helm | helm charts | Kubernetes
Kustomize | kustomization | Kubernetes
OpenShift | red hat openshift, openshift container platform | Kubernetes
Rancher | rancher k8s | Kubernetes
Podman | podman containers | Containerization
Containerization | containers, container orchestration | Docker
Istio | istio service mesh | Kubernetes
Linkerd | linkerd2 | Kubernetes
Consul | hashicorp consul | Service Discovery
Vault | hashicorp vault | Security
Nomad | hashicorp nomad | Containerization
Terraform | hashicorp terraform, tf modules, terragrunt | Infrastructure as Code
Pulumi | pulumi iac | Infrastructure as Code
Ansible | ansible playbooks, ansible tower | Configuration Management
Chef | chef infra, opscode chef | Configuration Management
Puppet | puppet enterprise | Configuration Management
SaltStack | salt | Configuration Management
Packer | hashicorp packer | Infrastructure as Code
Vagrant | hashicorp vagrant | Virtualization
CloudFormation | aws cloudformation, cfn | AWS, Infrastructure as Code
AWS CDK | cdk, cloud development kit | AWS, Infrastructure as Code
Infrastructure as Code | iac, infrastructure-as-code | Terraform
Configuration Management | config management | Ansible
Jenkins | jenkins pipelines, jenkinsfile, hudson | CI/CD
CircleCI | circle ci | CI/CD
Travis CI | travis, travisci | CI/CD
GitHub Actions | gh actions, github workflows | CI/CD, GitHub
GitLab CI | gitlab ci/cd, gitlab-ci, gitlab pipelines | CI/CD, GitLab
Bamboo | atlassian bamboo | CI/CD
TeamCity | team city | CI/CD
Azure DevOps | azure pipelines, vsts, tfs, team foundation server | CI/CD
Argo CD | argocd, argo | GitOps, Kubernetes
Flux | fluxcd | GitOps
Spinnaker | spinnaker cd | CI/CD
Tekton | tekton pipelines | CI/CD
Drone CI | drone.io | CI/CD
Buildkite | buildkite ci | CI/CD
CI/CD | ci cd, cicd, continuous integration, continuous delivery, continuous deployment, ci/cd pipelines | DevOps
GitOps | git ops | Kubernetes
DevOps | dev ops, devops practices | CI/CD
DevSecOps | dev sec ops | DevOps, Security
SRE | site reliability engineering | DevOps
Atlantis | runatlantis | Terraform
Git | git scm, git version control | GitHub
GitHub | git hub | Git
GitLab | git lab | Git
Bitbucket | bit bucket | Git
SVN | subversion, apache subversion | Version Control
Mercurial | hg | Version Control
Perforce | helix core, p4 | Version Control
Version Control | source control, vcs | Git
Maven | apache maven, mvn | Java
Gradle | gradle build | Java, Kotlin
Ant | apache ant | Java
sbt | scala build tool | Scala
Make | makefile, gnu make | C
CMake | cmake build | C++
Bazel | bazel build | Build Systems
Nexus | sonatype nexus | Maven
Artifactory | jfrog artifactory, jfrog | CI/CD
SonarQube | sonar, sonarcloud | Code Quality
Nginx | nginx server | Web Servers
Apache HTTP Server | apache httpd, apache2, apache web server | Web Servers
Apache Tomcat | tomcat | Java
IIS | internet information services, microsoft iis | Windows Server
Jetty | eclipse jetty | Java
WildFly | jboss, jboss eap | J2EE
WebLogic | oracle weblogic | J2EE
WebSphere | ibm websphere | J2EE
HAProxy | ha proxy | Load Balancing
Traefik | traefik proxy | Kubernetes
Envoy | envoy proxy | Service Mesh
Kong | kong api gateway, kong gateway | API Gateway
API Gateway | api gateways | Microservices
Load Balancing | load balancers, load balancer | Networking
Grafana | grafana dashboards | Monitoring
Kibana | kibana dashboards | ELK Stack
Logstash | logstash pipelines | ELK Stack
Filebeat | beats | ELK Stack
ELK Stack | elk, elastic stack | Elasticsearch
Splunk | splunk enterprise | Monitoring
Datadog | data dog | Monitoring
New Relic | newrelic | Monitoring
Dynatrace | dynatrace apm | Monitoring
AppDynamics | app dynamics | Monitoring
PagerDuty | pager duty | Incident Management
Opsgenie | ops genie | Incident Management
Nagios | nagios xi | Monitoring
Zabbix | zabbix monitoring | Monitoring
Telegraf | telegraf agent | Monitoring
CollectD | collectd daemon | Monitoring
Jaeger | jaeger tracing | Observability
Zipkin | zipkin tracing | Observability
OpenTelemetry | otel, open telemetry | Observability
Sentry | sentry.io | Monitoring
Monitoring | system monitoring, application monitoring | Observability
Observability | o11y | Monitoring
Incident Management | incident response, on-call | SRE
Linux | gnu/linux, linux administration, linux os | Unix
Unix | unix systems, unix/linux | Linux
Ubuntu | ubuntu linux, ubuntu server | Linux
Debian | debian linux | Linux
CentOS | cent os | Linux
Red Hat Enterprise Linux | rhel, redhat, red hat | Linux
Fedora | fedora linux | Linux
Arch Linux | archlinux | Linux
NixOS | nix os | Nix
FreeBSD | free bsd | Unix
Solaris | sun solaris, oracle solaris | Unix
AIX | ibm aix | Unix
Windows | microsoft windows, windows 10, windows 11, windows 7, windows xp, ms windows | Operating Systems
Windows Server | windows server 2016, windows server 2019, windows server 2012 | Windows
macOS | mac os, mac os x, os x, osx, mac | Operating Systems
iOS | ios development, iphone os | Mobile Development, Swift
Android | android sdk, android development, android studio sdk | Mobile Development, Kotlin
Operating Systems | os internals, operating system | Linux
Active Directory | ad, microsoft active directory, azure ad, entra id | Windows Server
LDAP | openldap, ldap directory | Active Directory
Okta | okta sso | Identity Management
Keycloak | red hat keycloak | Identity Management
Identity Management | iam, identity and access management | Security
SSO | single sign-on, single sign on, saml | Identity Management
OAuth | oauth2, oauth 2.0 | Security
JWT | json web token, json web tokens | OAuth
Kafka | apache kafka, kafka streams | Event-driven Architecture
RabbitMQ | rabbit mq, amqp | Messaging
ActiveMQ | apache activemq | Messaging
ZeroMQ | zmq, 0mq | Messaging
NATS | nats.io | Messaging
Apache Pulsar | pulsar | Messaging
Messaging | message queues, message queue, message brokers, mq | Kafka
IBM MQ | websphere mq, mqseries | Messaging
Apache Camel | camel | Integration
MuleSoft | mule esb, mule | Integration
Airflow | apache airflow | ETL, Data Engineering
Luigi | spotify luigi | ETL
Prefect | prefect workflows | ETL
dbt | data build tool | ETL, SQL
NiFi | apache nifi | ETL
Talend | talend open studio | ETL
Informatica | informatica powercenter | ETL
SSIS | sql server integration services | ETL
SSRS | sql server reporting services | Reporting
SSAS | sql server analysis services | OLAP
Hadoop | apache hadoop, hdfs, mapreduce, map reduce | Big Data
!Spark | apache spark, spark sql, spark streaming | Big Data, Scala
Flink | apache flink | Stream Processing
Storm | apache storm | Stream Processing
Beam | apache beam | Stream Processing
Databricks | databricks platform | Spark
Kinesis | amazon kinesis, aws kinesis | AWS, Stream Processing
Stream Processing | streaming data, real-time data processing | Kafka
Big Data | big data technologies, bigdata | Hadoop
ETL | etl pipelines, extract transform load, elt | Data Engineering
Data Engineering | data pipelines, data pipeline | ETL
MLflow | ml flow | MLOps
Kubeflow | kube flow | MLOps
MLOps | ml ops | Machine Learning, DevOps
DVC | data version control | MLOps
Weights & Biases | wandb, weights and biases | MLOps
Jupyter | jupyter notebook, jupyter notebooks, jupyterlab, ipython | Python
Anaconda | conda | Python
RStudio | r studio ide | R
Visual Studio | ms visual studio, visual studio 2019, visual studio 2022 | .NET
Visual Studio Code | vs code, vscode
IntelliJ IDEA | intellij, intellij idea ultimate, idea | Java
Eclipse | eclipse ide | Java
NetBeans | apache netbeans | Java
PyCharm | py charm | Python
WebStorm | web storm | JavaScript
Android Studio | androidstudio | Android
Xcode | x code | iOS
!Vim | neovim, nvim, vi
Emacs | gnu emacs, spacemacs
Sublime Text | sublime
Tmux | terminal multiplexer | Linux
Jira | atlassian jira, jira software | Agile
Confluence | atlassian confluence | Documentation
Trello | trello boards | Project Management
Asana | asana pm | Project Management
Monday.com | monday | Project Management
Notion | notion.so | Documentation
Slack | slack api | Collaboration
Microsoft Teams | ms teams, teams | Collaboration
Zoom | zoom meetings | Collaboration
ServiceNow | service now, snow | ITSM
Zendesk | zen desk | Customer Support
Freshdesk | fresh desk | Customer Support
Remedy | bmc remedy | ITSM
ITSM | it service management | ITIL
Wireshark | wire shark | Networking
Nmap | network mapper | Security
Metasploit | metasploit framework | Penetration Testing
Burp Suite | burp, burpsuite | Penetration Testing
Kali Linux | kali | Penetration Testing
Snort | snort ids | Security
OWASP | owasp top 10 | Security
Homebrew | brew | macOS
chezmoi | chezmoi dotfiles
Jujutsu | !jj | Git
Excel Macros | macros | VBA
""",
    "cloud_service": """
Amazon EC2 | ec2, aws ec2 | AWS
Amazon S3 | s3, aws s3 | AWS
AWS Lambda | lambda, aws lambda functions, !lambda functions | AWS, Serverless
Amazon ECS | ecs, aws ecs | AWS, Docker
Amazon EKS | eks, aws eks | AWS, Kubernetes
Amazon ECR | ecr, aws ecr | AWS, Docker
AWS Fargate | fargate | AWS
Amazon RDS | rds, aws rds | AWS
Amazon Aurora | aurora, aws aurora | AWS
Amazon SQS | sqs, aws sqs | AWS, Messaging
Amazon SNS | sns, aws sns | AWS
Amazon CloudWatch | cloudwatch, aws cloudwatch | AWS, Monitoring
Amazon CloudFront | cloudfront, aws cloudfront | AWS, CDN
Amazon Route 53 | route 53, route53, aws route 53 | AWS, DNS
Amazon VPC | vpc, aws vpc | AWS, Networking
AWS IAM | iam roles, aws iam | AWS, Security
Amazon ElastiCache | elasticache | AWS, Redis
Amazon API Gateway | aws api gateway | AWS
AWS Step Functions | step functions | AWS
Amazon SageMaker | sagemaker, aws sagemaker | AWS, Machine Learning
AWS Glue | glue, aws glue | AWS, ETL
Amazon Athena | athena, aws athena | AWS
Amazon EMR | emr, aws emr | AWS, Hadoop
AWS Elastic Beanstalk | elastic beanstalk, beanstalk | AWS
AWS CodePipeline | codepipeline | AWS, CI/CD
AWS CodeBuild | codebuild | AWS, CI/CD
AWS Direct Connect | direct connect | AWS, Networking
AWS Organizations | aws multi-account | AWS
AWS Secrets Manager | secrets manager | AWS
AWS KMS | kms, key management service | AWS
AWS Cognito | cognito, amazon cognito | AWS
AWS Amplify | amplify | AWS
AWS Graviton | graviton | AWS
AWS WAF | aws web application firewall | AWS, Security
Amazon Bedrock | bedrock | AWS, LLM
Azure Functions | azure function | Azure, Serverless
Azure Kubernetes Service | aks | Azure, Kubernetes
Azure App Service | app service, azure web apps | Azure
Azure Blob Storage | blob storage | Azure
Azure Data Factory | adf, data factory | Azure, ETL
Azure Synapse | synapse analytics | Azure
Azure Databricks | azure databricks workspace | Azure, Spark
Azure Service Bus | service bus | Azure, Messaging
Azure Event Hubs | event hubs | Azure
Azure Monitor | application insights | Azure, Monitoring
Azure Machine Learning | azure ml | Azure, Machine Learning
Azure OpenAI | azure openai service | Azure, LLM
Google Kubernetes Engine | gke | Google Cloud Platform, Kubernetes
Google Cloud Functions | cloud functions | Google Cloud Platform, Serverless
Google Cloud Run | cloud run | Google Cloud Platform
Google Cloud Storage | gcs | Google Cloud Platform
Google Pub/Sub | pub/sub, pubsub, cloud pub/sub | Google Cloud Platform, Messaging
Google Dataflow | dataflow | Google Cloud Platform
Vertex AI | vertex ai | Google Cloud Platform, Machine Learning
""",
    "data": """
Machine Learning | ml, machine-learning | Python, Deep Learning
Deep Learning | dl, deep neural networks | Machine Learning
Artificial Intelligence | ai, a.i. | Machine Learning
Natural Language Processing | nlp | Machine Learning
Computer Vision | cv models, image recognition | Deep Learning
Reinforcement Learning | rl | Machine Learning
Neural Networks | neural network, ann, cnn, rnn, lstm, convolutional neural networks | Deep Learning
Generative AI | genai, gen ai | LLM
LLM | large language models, llms, large language model | Generative AI
Prompt Engineering | prompting | LLM
RAG | retrieval augmented generation, retrieval-augmented generation | LLM
Data Science | data scientist skills | Machine Learning
Data Analysis | data analytics, analyzing data, analytics, data analyses | Statistics
Data Visualization | data visualisation, dataviz, visualization | Tableau
Statistics | statistical analysis, statistical modeling, statistical modelling | Data Analysis
Statistical Analysis | statistical methods | Statistics
Predictive Modeling | predictive modelling, predictive analytics | Machine Learning
Time Series Analysis | forecasting, time-series forecasting | Statistics
A/B Testing | ab testing, split testing, a/b tests | Statistics
Feature Engineering | feature selection | Machine Learning
Data Mining | data mining techniques | Data Science
Web Scraping | web crawling, scraping | Python
Tableau | tableau desktop, tableau server | Data Visualization
Power BI | powerbi, microsoft power bi | Data Visualization
Looker | looker studio, google data studio | Data Visualization
Qlik | qlikview, qlik sense | Data Visualization
Metabase | metabase bi | Data Visualization
Apache Superset | superset | Data Visualization
Google Analytics | ga4, google analytics 4 | Digital Marketing
Business Intelligence | bi | Data Analysis
OLAP | olap cubes | Data Warehousing
Data Governance | data quality, data stewardship | Data Management
Data Management | master data management, mdm | Data Governance
Recommender Systems | recommendation systems, recommendation engines | Machine Learning
Information Retrieval | search relevance | NLP
""",
    "practice": """
Agile | agile methodology, agile methodologies, agile development, agile software development | Scrum
Scrum | scrum methodology, scrum framework | Agile
Kanban | kanban boards | Agile
SAFe | scaled agile framework, scaled agile | Agile
Lean | lean methodology, lean management | Six Sigma
Waterfall | waterfall methodology, waterfall model | SDLC
SDLC | software development life cycle, software development lifecycle | Agile
Test-Driven Development | tdd, test driven development | Unit Testing
Behavior-Driven Development | bdd, behaviour driven development, behavior driven development | Cucumber
Domain-Driven Design | ddd, domain driven design | Microservices
Pair Programming | pairing | Agile
Code Review | code reviews | Git
Unit Testing | unit tests | Test Automation
Integration Testing | integration tests | Test Automation
Test Automation | automated testing, automation testing, qa automation | Selenium
Manual Testing | manual qa | Quality Assurance
Quality Assurance | qa, software testing, quality control | Test Automation
Performance Testing | load testing, stress testing | JMeter
API Testing | api tests | Postman
Penetration Testing | pen testing, pentesting, ethical hacking | Security
Mobile Testing | mobile app testing | Appium
OOP | object-oriented programming, object oriented programming, oop principles, object oriented design, ood | Design Patterns
AOP | aspect-oriented programming, aspect oriented programming | Spring
Functional Programming | fp, functional | Haskell
Design Patterns | gof patterns, software design patterns | OOP
SOLID | solid principles | OOP
Microservices | microservice, microservices architecture, micro services | Docker, Kubernetes
Event-driven Architecture | event-driven systems, event driven architecture, event-driven, event sourcing | Kafka
Distributed Systems | distributed computing | Microservices
Service-Oriented Architecture | soa | Microservices
REST | rest api, rest apis, restful, restful api, restful apis, restful web services, restful services, rest services | API Design
SOAP | soap web services | XML
WebSockets | websocket | JavaScript
API Design | api development, api architecture | REST
Software Architecture | system design, solution architecture, systems architecture | Design Patterns
Clean Code | clean architecture | SOLID
Feature Flags | feature toggles | A/B Testing
Responsive Design | responsive web design, mobile-first design | CSS
Web Accessibility | accessibility, a11y, wcag | HTML
SEO | search engine optimization, search engine optimisation | Digital Marketing
Progressive Web Apps | pwa, progressive web app | JavaScript
Single Page Applications | spa | JavaScript
Server-Side Rendering | ssr | Next.js
JAMstack | jam stack | JavaScript
Web Development | web dev | HTML
Frontend Development | front-end development, front end development | JavaScript
Backend Development | back-end development, back end development | APIs
Full Stack Development | full-stack development, fullstack development, full stack | Web Development
Mobile Development | mobile app development, mobile apps | iOS, Android
Game Development | gamedev, game dev | Unity
Embedded Systems | embedded, embedded software, firmware, firmware development | C
Real-Time Systems | rtos, real-time operating systems, freertos | Embedded Systems
IoT | internet of things | Embedded Systems
Robotics | ros, robot operating system | Embedded Systems
FPGA | fpga design | Verilog
PCB Design | pcb, altium, altium designer, kicad | Electronics
Electronics | electronic circuits, circuit design, analog electronics | Embedded Systems
Signal Processing | dsp, digital signal processing | MATLAB
Control Systems | control theory | MATLAB
Simulink | matlab simulink | MATLAB
AutoCAD | autocad 2d, auto cad | CAD
SolidWorks | solid works | CAD
CATIA | catia v5 | CAD
CAD | computer-aided design, cad design | AutoCAD
Revit | autodesk revit | BIM
BIM | building information modeling | Revit
Networking | computer networking, network administration, networks | TCP/IP
TCP/IP | tcp ip, tcp, udp, ip networking | Networking
DNS | domain name system | Networking
DHCP | dhcp server | Networking
VPN | vpns, ipsec, ipsec vpn, openvpn, wireguard | Networking
Firewalls | firewall, firewall configuration | Security
Cisco | cisco ios, cisco networking | Networking
CCNA | cisco certified network associate | Cisco
Routing and Switching | routing, switching | Networking
VoIP | voice over ip | Networking
Cybersecurity | cyber security, information security, infosec, it security, security engineering | Security
Security | application security, appsec, secure coding | Cybersecurity
Cryptography | encryption, crypto | Security
SIEM | security information and event management | Security
Vulnerability Assessment | vulnerability management, vulnerability scanning | Security
Compliance | regulatory compliance | Risk Management
GDPR | gdpr compliance | Compliance
HIPAA | hipaa compliance | Compliance, Healthcare
ISO 27001 | iso27001 | Compliance, Security
SOC 2 | soc2 | Compliance
PCI DSS | pci, pci compliance | Compliance
Blockchain | distributed ledger | Cryptography
Ethereum | eth | Blockchain, Solidity
Smart Contracts | smart contract | Solidity
Web3 | web 3 | Blockchain
Virtualization | virtualisation, virtual machines | VMware
Technical Support | tech support, it support, helpdesk, help desk, service desk, desktop support | Troubleshooting
Troubleshooting | problem diagnosis, debugging | Technical Support
Hardware Installation | hardware and software installation, hardware troubleshooting | Technical Support
System Administration | sysadmin, systems administration, system administrator | Linux
IT Skills | it, information technology skills, computer skills | Technical Support
ITIL | itil v3, itil v4, itil foundation | ITSM
Backup and Recovery | backups, disaster recovery | System Administration
High Availability | ha, fault tolerance | Distributed Systems
Scalability | scalable systems | Distributed Systems
Caching | cache, caching strategies | Redis
Concurrency | multithreading, multi-threading, parallel programming | Java
Algorithms | algorithms and data structures, data structures | Computer Science
Computer Science | cs fundamentals | Algorithms
Compilers | compiler design | Computer Science
GPU Programming | gpu computing | CUDA
Computer Graphics | graphics programming, rendering | OpenGL
Technical Writing | documentation, technical documentation | Communication
UI/UX | ui ux, ui/ux design, ux/ui | User Experience Design
User Experience Design | ux design, ux, user experience, user experience design (ux) | UI/UX
User Interface Design | ui design, ui, interface design | UI/UX
User Research | usability testing, ux research | User Experience Design
Interaction Design | ixd | User Experience Design
Wireframing | wireframes, mockups | Prototyping
Prototyping | rapid prototyping, prototypes | User Experience Design
Design Thinking | human-centered design, human centred design | User Experience Design
Figma | figma design | UI/UX
Sketch | sketch app | UI/UX
Adobe XD | xd | UI/UX
InVision | invision app | Prototyping
Zeplin | zeplin app | UI/UX
Balsamiq | balsamiq mockups | Wireframing
Adobe Photoshop | photoshop, ps | Graphic Design
Adobe Illustrator | illustrator, ai illustrator | Graphic Design
Adobe InDesign | indesign | Graphic Design
Adobe After Effects | after effects | Video Editing
Adobe Premiere Pro | premiere pro, premiere | Video Editing
Adobe Lightroom | lightroom | Photography
Adobe Creative Suite | adobe creative cloud, creative cloud, adobe cc | Graphic Design
Adobe Acrobat | acrobat | Office
CorelDRAW | corel draw | Graphic Design
GIMP | gnu image manipulation program | Graphic Design
Inkscape | inkscape svg | Graphic Design
Blender | blender 3d | 3D Modeling
Autodesk Maya | maya | 3D Modeling
3ds Max | 3d studio max | 3D Modeling
Cinema 4D | c4d | 3D Modeling
3D Modeling | 3d modelling, 3d design | Blender
Final Cut Pro | final cut | Video Editing
DaVinci Resolve | davinci | Video Editing
Video Editing | video production | Adobe Premiere Pro
Graphic Design | graphic designer skills, visual design | Adobe Photoshop
Typography | type design | Graphic Design
Branding | brand identity, brand design | Marketing
Illustration | digital illustration | Graphic Design
Photography | photo editing | Adobe Lightroom
Motion Graphics | motion design | Adobe After Effects
Canva | canva design | Graphic Design
""",
    "office": """
Microsoft Office | ms office, office 365, microsoft 365, ms office suite, microsoft office suite, office suite | Microsoft Excel, Microsoft Word
!Excel | microsoft excel, ms excel, excel spreadsheets, advanced excel | Microsoft Office
Microsoft Word | ms word, word processing, !word | Microsoft Office
PowerPoint | microsoft powerpoint, ms powerpoint, power point | Microsoft Office
Microsoft Outlook | outlook, ms outlook | Microsoft Office
Microsoft Project | ms project | Project Management
Microsoft Visio | visio, ms visio | Diagramming
OneNote | microsoft onenote | Microsoft Office
SharePoint | microsoft sharepoint, ms sharepoint | Microsoft Office
Google Workspace | g suite, gsuite, google apps, google docs, google sheets | Collaboration
Google Sheets | google spreadsheets | Google Workspace
Pivot Tables | pivot table, pivottables | Excel
VLOOKUP | vlookups, xlookup | Excel
Spreadsheets | spreadsheet | Excel
Typing | touch typing, data entry typing | Data Entry
Data Entry | data-entry | Administrative Support
Facebook | facebook ads, meta business suite | Social Media
Twitter | x (twitter) | Social Media
Instagram | instagram marketing | Social Media
LinkedIn | linkedin recruiter | Social Media
TikTok | tik tok | Social Media
YouTube | youtube content | Social Media
Pinterest | pinterest marketing | Social Media
Social Media | social media management, social media marketing, smm | Digital Marketing
Hootsuite | hoot suite | Social Media
Buffer | buffer app | Social Media
Mailchimp | mail chimp | Email Marketing
HubSpot | hub spot, hubspot crm | CRM, Marketing Automation
Salesforce | salesforce crm, sfdc, salesforce.com | CRM
Microsoft Dynamics | dynamics 365, ms dynamics, dynamics crm | CRM, ERP
Zoho | zoho crm | CRM
Pipedrive | pipedrive crm | CRM
CRM | customer relationship management, crm software | Sales
SAP | sap erp, sap r/3, sap s/4hana, s/4hana | ERP
SAP FICO | sap fi/co, sap fi co | SAP, Accounting
Oracle E-Business Suite | oracle ebs, oracle financials | ERP
NetSuite | oracle netsuite | ERP
Workday | workday hcm | HRIS
ERP | enterprise resource planning, erp systems | SAP
QuickBooks | quick books, quickbooks online, intuit quickbooks | Accounting Software
Xero | xero accounting | Accounting Software
Sage 50 | sage accounting, sage 50 accounts, peachtree | Accounting Software
FreshBooks | fresh books | Accounting Software
Wave Accounting | wave | Accounting Software
Lotus Notes | ibm notes | Collaboration
Dropbox | dropbox business | Collaboration
Box | box.com | Collaboration
DocuSign | docu sign | Administration
Zapier | zapier automation | Automation
Airtable | air table | Databases
""",
    "business": """
Accounting | accountancy, financial accounting, general accounting | Bookkeeping
Accounting Software | accounting systems, accounting packages | Accounting
Bookkeeping | book keeping | Accounting
Accounts Payable | ap, a/p, accounts payable processing | Accounting
Accounts Receivable | ar, a/r, accounts receivable management | Accounting
General Ledger | gl, general ledger accounting | Accounting
Payroll | payroll processing, payroll administration | Accounting
Tax Preparation | tax returns, tax filing, taxation, tax accounting, tax compliance | Accounting
Auditing | audit, internal audit, external audit, audits | Accounting
Financial Reporting | financial statements, financial reports | Accounting
Financial Analysis | financial analyses, financial analytics | Finance
Financial Modeling | financial modelling, dcf, valuation | Finance
Budgeting | budget management, budget planning, budgets | Finance
Forecasting | financial forecasting | Budgeting
Reconciliation | bank reconciliation, account reconciliation, reconciliations | Accounting
Cost Accounting | cost analysis | Accounting
Management Accounting | managerial accounting | Accounting
GAAP | us gaap, generally accepted accounting principles | Accounting
IFRS | international financial reporting standards | Accounting
Sarbanes-Oxley | sox, sox compliance | Compliance
Month-End Close | month end close, month-end closing, year-end close | Accounting
Invoicing | billing, invoice processing | Accounts Receivable
Expense Reports | expense management | Accounting
Financial Planning | fp&a, financial planning and analysis | Finance
Finance | corporate finance | Accounting
Investment Banking | ib, m&a, mergers and acquisitions | Finance
Portfolio Management | asset management, wealth management | Finance
Risk Management | risk assessment, risk analysis | Compliance
Credit Analysis | credit risk | Finance
Banking | retail banking, commercial banking | Finance
Insurance | underwriting, claims processing | Finance
Treasury | cash management, cash flow management | Finance
Equity Research | stock analysis | Finance
Trading | equities trading, derivatives | Finance
Bloomberg Terminal | bloomberg | Finance
Economics | econometrics | Finance
Project Management | project planning, project coordination, pm | PMP
Program Management | programme management | Project Management
Product Management | product strategy, product roadmap, product ownership, product roadmapping | Agile
Product Owner | po, product owner role | Scrum
Stakeholder Management | stakeholder engagement, stakeholder communication | Project Management
Business Analysis | business analyst, requirements gathering, requirements analysis, business requirements | Project Management
Process Improvement | business process improvement, continuous improvement, process optimization | Lean
Change Management | organizational change | Leadership
Strategic Planning | strategy, business strategy, corporate strategy | Leadership
Business Development | biz dev, bizdev | Sales
Operations Management | operations, business operations | Management
Supply Chain Management | supply chain, scm | Logistics
Logistics | logistics management, shipping and receiving | Supply Chain Management
Procurement | purchasing, sourcing, strategic sourcing | Supply Chain Management
Inventory Management | inventory control, stock control | Logistics
Vendor Management | supplier management | Procurement
Contract Negotiation | contract management, contracts | Negotiation
Six Sigma | lean six sigma, six sigma green belt, six sigma black belt | Process Improvement
Quality Management | tqm, quality management systems, iso 9001 | Quality Assurance
Sales | b2b sales, b2c sales, sales strategy, selling | Business Development
Lead Generation | prospecting, cold calling | Sales
Account Management | key account management, client management | Sales
Customer Success | client success | Customer Service
Customer Service | customer care, customer support, client service, customer service skills | Communication
Retail | retail sales, merchandising, visual merchandising | Sales
Cash Handling | cashiering, point of sale, pos | Retail
Marketing | marketing strategy, marketing campaigns | Digital Marketing
Digital Marketing | online marketing, internet marketing | Marketing
Content Marketing | content strategy, content creation | Marketing
Email Marketing | email campaigns | Digital Marketing
Marketing Automation | marketo, pardot | Digital Marketing
SEM | search engine marketing, google ads, adwords, ppc, pay per click | Digital Marketing
Copywriting | copy writing, copyediting, copy editing | Content Marketing
Public Relations | pr, media relations | Marketing
Market Research | market analysis, competitive analysis, market research analysis | Marketing
Event Planning | event management, event coordination | Project Management
Human Resources | hr, human resource management, hrm | Recruiting
Recruiting | recruitment, talent acquisition, sourcing candidates | Human Resources
Onboarding | employee onboarding | Human Resources
Employee Relations | labor relations | Human Resources
Compensation and Benefits | benefits administration, compensation | Human Resources
HRIS | human resource information systems | Human Resources
Training and Development | training, employee training, learning and development, l&d | Human Resources
Performance Management | performance reviews, performance appraisal | Human Resources
Administrative Support | administration, office administration, clerical, office management | Microsoft Office
Scheduling | calendar management, appointment scheduling | Administrative Support
Bilingual | multilingual | Communication
Translation | interpreting, interpretation, localization | Communication
Legal Research | legal writing, litigation | Law
Law | legal, corporate law, contract law | Compliance
Paralegal | legal assistant | Law
Real Estate | property management, real estate sales | Sales
Construction Management | construction, site management | Project Management
Civil Engineering | structural engineering | Engineering
Mechanical Engineering | mechanical design | Engineering
Electrical Engineering | power systems | Engineering
Chemical Engineering | process engineering | Engineering
Engineering | engineering design | Project Management
Manufacturing | production, lean manufacturing | Operations Management
Teaching | instruction, tutoring, lesson planning, classroom management, curriculum development | Training and Development
Research | academic research, scientific research, research skills | Data Analysis
Laboratory Skills | lab techniques, laboratory techniques, pcr, western blot | Research
Grant Writing | grant proposals | Writing
Writing | content writing, editing, proofreading, creative writing | Communication
Journalism | news writing, reporting | Writing
Hospitality | hotel management, front desk | Customer Service
Food Service | food safety, food preparation, culinary, cooking | Hospitality
Driving | commercial driving, cdl, forklift, forklift operation | Logistics
""",
    "health": """
Patient Care | patient care skills, direct patient care | Healthcare
Healthcare | health care | Patient Care
Nursing | registered nurse, rn, nursing care, lpn | Patient Care
BLS | basic life support, bls certification | CPR
CPR | cardiopulmonary resuscitation, cpr certified, cpr/aed | First Aid
ACLS | advanced cardiovascular life support | BLS
First Aid | first responder | CPR
Emergency Medical Services | ems, emt, emergency medical technician, paramedic | Patient Care
Phlebotomy | venipuncture, blood draws | Patient Care
Vital Signs | vital signs monitoring | Patient Care
Medication Administration | administering medication | Nursing
Electronic Health Records | ehr, emr, electronic medical records, epic, cerner, epic systems | Healthcare
Medical Terminology | medical vocabulary | Healthcare
Medical Billing | medical coding, icd-10, cpt coding | Healthcare
Clinical Research | clinical trials, gcp | Research
Pharmacology | pharmacy, pharmaceutical | Healthcare
Physical Therapy | physiotherapy, rehabilitation | Healthcare
Mental Health | counseling, counselling, psychotherapy | Healthcare
Infection Control | infection prevention | Healthcare
Public Health | epidemiology | Healthcare
Caregiving | elderly care, home care, caregiver | Patient Care
Dental Assisting | dental hygiene | Healthcare
Radiology | x-ray, medical imaging, mri | Healthcare
Occupational Safety | osha, health and safety, workplace safety, ehs | Compliance
Social Work | case management | Mental Health
Childcare | child care, babysitting, early childhood education | Teaching
Swimming | swim coaching, swim instruction, lifeguard, lifeguarding | Coaching
Coaching | sports coaching, mentoring | Leadership
""",
    "soft": """
Communication | communication skills, verbal communication, written communication, excellent communication, interpersonal communication | Teamwork
Teamwork | team player, collaboration, team work, teamworking, cooperation | Communication
Leadership | team leadership, leadership skills, people management, team management, leading teams | Management
Management | managerial skills, people leadership | Leadership
Problem Solving | problem-solving, problem solving skills, analytical problem solving | Critical Thinking
Critical Thinking | analytical thinking, analytical skills, analytical | Problem Solving
Time Management | time-management, prioritization, prioritisation | Organizational Skills
Organizational Skills | organization, organisation, organizational, organisational skills, organization skills, organized | Time Management
Attention to Detail | detail-oriented, detail oriented, eye for detail, attention to details, meticulous | Quality Assurance
Adaptability | flexibility, adaptable, flexible | Teamwork
Creativity | creative thinking, creative, innovation | Problem Solving
Interpersonal Skills | people skills, relationship building, interpersonal | Communication
Negotiation | negotiation skills, negotiating | Sales
Presentation Skills | public speaking, presentations, presenting | Communication
Decision Making | decision-making, judgement | Leadership
Conflict Resolution | conflict management, mediation | Interpersonal Skills
Emotional Intelligence | empathy, eq | Interpersonal Skills
Customer Focus | customer-oriented, customer orientation, client focus | Customer Service
Work Ethic | hard-working, hardworking, hard working, dedication, diligent | Reliability
Reliability | dependable, dependability, reliable | Work Ethic
Self-motivation | self-motivated, self motivated, self-starter, proactive, initiative | Work Ethic
Motivation | motivator, motivating others, motivator & leader | Leadership
Multitasking | multi-tasking, multitask | Time Management
Patience | patient | Customer Service
Stress Management | working under pressure, works well under pressure, resilience | Adaptability
Active Listening | listening skills, listening | Communication
Mentoring | mentorship, coaching and mentoring | Leadership
Delegation | delegating | Management
Strategic Thinking | strategic mindset | Strategic Planning
Business Acumen | commercial awareness | Strategic Thinking
Cross-functional Collaboration | cross-functional teams, cross functional collaboration | Teamwork
Remote Work | remote collaboration, distributed teams | Teamwork
Fast Learner | quick learner, eager to learn, willingness to learn | Adaptability
Basic Mathematics | basic math, mathematics skills, numeracy, math skills | Accounting
Mathematics | maths, applied mathematics | Statistics
Physics | applied physics | Engineering
Chemistry | analytical chemistry, organic chemistry | Research
Biology | molecular biology, cell biology | Research
""",
}

# Families expanded programmatically: ("template", [names], category, related).
VERSIONED = {
    # name: versions that CVs print glued or spaced ("Python 3", "Java 8", "Angular 14").
    "Java": ["5", "6", "7", "8", "9", "10", "11", "17", "21"],
    "Python": ["2", "2.7", "3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12"],
    "PHP": ["5.6", "7.4", "8.1", "8.2"],
    "Angular": [str(v) for v in range(4, 20)],
    "React": ["16", "17", "18", "19"],
    "Vue.js": ["3.x", "2.x"],
    "Node.js": [str(v) for v in range(8, 24, 2)],
    ".NET": ["4.5", "4.8", "5", "6", "7", "8"],
    "Django": ["2", "3", "4", "5"],
    "Spring Boot": ["2", "3"],
    "Laravel": [str(v) for v in range(5, 12)],
    "Oracle Database": ["9i", "10g", "18c", "21c", "23ai"],
    "SQL Server": ["2008", "2012", "2014", "2016", "2017", "2022"],
    "Windows Server": ["2008", "2022"],
    "Ubuntu": ["18.04", "20.04", "22.04", "24.04"],
    "iOS": [str(v) for v in range(10, 19)],
    "Android": [str(v) for v in range(8, 16)],
    "Bootstrap": ["2"],
    "Unity": ["2019", "2020", "2021", "2022"],
    "Microsoft Office": ["2010", "2013", "2016", "2019", "2021"],
    "Excel": ["2010", "2013", "2016", "2019", "365"],
    "PowerPoint": ["2016", "365"],
    "Visual Studio": ["2015", "2017"],
    "Elasticsearch": ["6", "8"],
    "MongoDB": ["4", "5", "6"],
    "PostgreSQL": ["9", "10", "11", "12", "13", "15", "16"],
    "MySQL": ["5", "5.7"],
    "Redis": ["6", "7"],
    "Kubernetes": ["1.2x"],
    "Python Flask": [],
}

# "<Skill> development/programming/developer" compounds CVs use as skills.
COMPOUND_SUFFIXES = ("development", "programming", "developer", "engineering")
COMPOUND_BASES = (
    "Python",
    "Java",
    "JavaScript",
    "TypeScript",
    "C++",
    "C#",
    "PHP",
    "Ruby",
    "Kotlin",
    "Swift",
    "Scala",
    "React",
    "Angular",
    "Vue.js",
    "Node.js",
    "Django",
    ".NET",
    "iOS",
    "Android",
    "Flutter",
    "Unity",
    "Salesforce",
    "SAP",
    "Rust",
    "Golang",
    "Perl",
    "SQL",
    "Embedded",
    "Firmware",
    "Web",
    "Mobile",
    "Frontend",
    "Backend",
    "Full Stack",
    "Game",
    "Shopify",
    "WordPress",
    "Magento",
    "Drupal",
    "Blockchain",
    "API",
    "Cloud",
    "Data",
    "Software",
    "Systems",
    "Network",
    "Security",
    "DevOps",
    "Database",
    "ETL",
    "BI",
    "Machine Learning",
    "AI",
    "Test",
    "QA",
    "Automation",
    "UI",
    "UX",
)

# Certifications are listed as skills often enough to be worth recognising.
CERTIFICATIONS = """
AWS Certified Solutions Architect | aws solutions architect, aws certified solutions architect associate, aws certified solutions architect professional, aws csa
AWS Certified Developer | aws developer associate
AWS Certified SysOps Administrator | aws sysops
AWS Certified DevOps Engineer | aws devops professional
AWS Certified Cloud Practitioner | aws cloud practitioner
Certified Kubernetes Administrator | cka
Certified Kubernetes Application Developer | ckad
Microsoft Certified Azure Administrator | az-104, azure administrator associate
Microsoft Certified Azure Fundamentals | az-900, azure fundamentals
Microsoft Certified Azure Solutions Architect | az-305
Google Cloud Professional Cloud Architect | gcp professional cloud architect
Google Cloud Professional Data Engineer | gcp data engineer
PMP | project management professional, pmp certified
PRINCE2 | prince 2
CSM | certified scrummaster, certified scrum master, scrum master certified
PSM | professional scrum master
CPA | certified public accountant
CMA | certified management accountant
CFA | chartered financial analyst
ACCA | chartered certified accountant
CISSP | certified information systems security professional
CISM | certified information security manager
CISA | certified information systems auditor
CEH | certified ethical hacker
OSCP | offensive security certified professional
CompTIA A+ | comptia a plus, a+ certification
CompTIA Network+ | network+, comptia network plus
CompTIA Security+ | security+, comptia security plus
CCNP | cisco certified network professional
CCIE | cisco certified internetwork expert
RHCE | red hat certified engineer
RHCSA | red hat certified system administrator
Oracle Certified Professional Java Programmer | ocpjp, ocp java, oracle certified java programmer
MCSE | microsoft certified systems engineer
MCSA | microsoft certified solutions associate
TOGAF | togaf certified
Six Sigma Green Belt | lean six sigma green belt
Six Sigma Black Belt | lean six sigma black belt
SHRM-CP | shrm certified professional
PHR | professional in human resources
CAPM | certified associate in project management
"""

# Cloud service names frequently printed bare in CVs, generated as "<Cloud> <Service>".
AWS_SERVICES = (
    "AppSync",
    "Batch",
    "Backup",
    "Certificate Manager",
    "CloudTrail",
    "CodeCommit",
    "CodeDeploy",
    "Config",
    "Control Tower",
    "DataSync",
    "DMS",
    "DocumentDB",
    "EBS",
    "EFS",
    "ElasticSearch Service",
    "EventBridge",
    "FSx",
    "GuardDuty",
    "Inspector",
    "IoT Core",
    "Keyspaces",
    "Lake Formation",
    "Lightsail",
    "Macie",
    "MSK",
    "MQ",
    "Neptune",
    "Outposts",
    "QuickSight",
    "Rekognition",
    "Comprehend",
    "Textract",
    "Transcribe",
    "Polly",
    "Lex",
    "Security Hub",
    "Shield",
    "SES",
    "Storage Gateway",
    "Systems Manager",
    "Timestream",
    "Transfer Family",
    "X-Ray",
    "Well-Architected",
    "Control Tower",
    "Savings Plans",
    "Reserved Instances",
    "VPC Lattice",
    "Network Firewall",
    "Firewall Manager",
    "Global Accelerator",
)
AZURE_SERVICES = (
    "Active Directory B2C",
    "API Management",
    "Automation",
    "Backup",
    "Bastion",
    "Batch",
    "Cognitive Services",
    "Container Instances",
    "Container Registry",
    "CDN",
    "Data Lake",
    "Data Explorer",
    "DevTest Labs",
    "DNS",
    "Event Grid",
    "ExpressRoute",
    "Firewall",
    "Front Door",
    "HDInsight",
    "IoT Hub",
    "Key Vault",
    "Load Balancer",
    "Logic Apps",
    "Log Analytics",
    "Policy",
    "Purview",
    "Redis Cache",
    "Search",
    "Sentinel",
    "Site Recovery",
    "Stream Analytics",
    "Table Storage",
    "Virtual Machines",
    "Virtual Network",
    "VPN Gateway",
    "Files",
    "Queue Storage",
    "Static Web Apps",
    "Arc",
    "Spring Apps",
)
GCP_SERVICES = (
    "BigTable",
    "Cloud SQL",
    "Cloud Spanner",
    "Cloud Build",
    "Cloud CDN",
    "Cloud DNS",
    "Cloud Armor",
    "Cloud Composer",
    "Cloud Dataproc",
    "Cloud Memorystore",
    "Cloud Scheduler",
    "Cloud Tasks",
    "Cloud Logging",
    "Cloud Monitoring",
    "Compute Engine",
    "Artifact Registry",
    "Anthos",
    "Apigee",
    "Dataprep",
    "Datastream",
    "Looker",
    "Vision AI",
    "Speech-to-Text",
    "Translation AI",
    "Document AI",
    "Dialogflow",
    "AutoML",
    "TPU",
    "Cloud IAM",
    "Cloud KMS",
)

# Python / JavaScript / Java ecosystem libraries that show up on technical CVs.
PYTHON_LIBS = (
    "aiohttp",
    "Apache Arrow",
    "asyncio",
    "attrs",
    "Black",
    "boto3",
    "Bottle",
    "CherryPy",
    "Click",
    "Django Channels",
    "Falcon",
    "Flake8",
    "Gunicorn",
    "h5py",
    "httpx",
    "Hypothesis",
    "Jupyter Widgets",
    "Kivy",
    "lxml",
    "marshmallow",
    "mypy",
    "NetworkX",
    "Nose",
    "ONNX",
    "OpenAI API",
    "Optuna",
    "Paramiko",
    "Peewee",
    "Poetry",
    "PyInstaller",
    "PyMongo",
    "PyQt",
    "PySide",
    "Pyro",
    "pytask",
    "Pylint",
    "Ray",
    "ReportLab",
    "Ruff",
    "Sanic",
    "scikit-image",
    "SHAP",
    "Sphinx",
    "Tkinter",
    "tox",
    "Twisted",
    "Uvicorn",
    "virtualenv",
    "Vowpal Wabbit",
    "wxPython",
    "Gradio",
    "Hydra",
    "Kedro",
    "Great Expectations",
    "Pandera",
    "PyMC",
    "Prophet",
    "Theano",
    "Caffe",
    "MXNet",
    "Chainer",
    "fastai",
    "Detectron2",
    "YOLO",
    "Stable Diffusion",
    "sentence-transformers",
    "Whisper",
    "Transformers.js",
    "TensorRT",
    "OpenVINO",
    "TFLite",
)
JS_LIBS = (
    "Ajax",
    "Ant Design Pro",
    "Apollo Federation",
    "Aurelia",
    "Axios Mock Adapter",
    "Blitz.js",
    "Bootstrap Vue",
    "Cheerio",
    "Cordova Plugins",
    "Day.js",
    "Docusaurus",
    "Dojo",
    "ESLint",
    "Expo",
    "Ext JS",
    "Framer Motion",
    "Hammer.js",
    "Immer",
    "Inertia.js",
    "Jotai",
    "Knockout.js",
    "LitElement",
    "Lit",
    "Marko",
    "Mithril",
    "Mongoose",
    "Nodemon",
    "Nodemailer",
    "NextAuth",
    "PM2",
    "Polymer",
    "Prettier",
    "Prisma",
    "Qwik",
    "Quasar",
    "Ramda",
    "React Hook Form",
    "React Three Fiber",
    "Recoil",
    "Redux Toolkit Query",
    "Sequelize",
    "Sentry SDK",
    "Stencil",
    "Stimulus",
    "Swiper",
    "Tauri",
    "TanStack Table",
    "TypeORM",
    "tRPC",
    "Vuetify",
    "Vuex",
    "Pinia",
    "Web Components",
    "Workbox",
    "XState",
    "Yup",
    "Zod",
    "Knex.js",
    "Passport.js",
    "Handsontable",
    "AG Grid",
    "ECharts",
    "Recharts",
    "Victory",
    "Mapbox",
    "OpenLayers",
    "PixiJS",
    "Phaser",
    "Babylon.js",
    "A-Frame",
    "Turbopack",
    "SWC",
    "Biome",
    "Playwright Test",
    "Testing Library",
    "Sinon",
    "Supertest",
    "Nock",
    "MSW",
    "Chromatic",
    "Percy",
    "Lighthouse",
)
JAVA_LIBS = (
    "Apache Commons",
    "Apache POI",
    "Apache Shiro",
    "Apache CXF",
    "Apache Axis",
    "ActiveJDBC",
    "AssertJ",
    "Caffeine",
    "Cucumber-JVM",
    "EclipseLink",
    "Ehcache",
    "Flyway",
    "Liquibase",
    "Gson",
    "Hazelcast",
    "Infinispan",
    "JasperReports",
    "Javalin",
    "JavaFX",
    "Swing",
    "AWT",
    "JAX-RS",
    "JAX-WS",
    "Jersey",
    "JHipster",
    "JMS",
    "JNDI",
    "jOOQ",
    "JUnit Jupiter",
    "Logback",
    "MapStruct",
    "MyBatis",
    "OkHttp",
    "Project Reactor",
    "Resilience4j",
    "Hystrix",
    "Eureka",
    "Zuul",
    "Feign",
    "Ribbon",
    "Spark Java",
    "Vaadin",
    "GWT",
    "Wicket",
    "Tapestry",
    "Seam",
    "Apache Wicket",
    "Apache Struts 2",
    "Spring WebFlux",
    "Spring AOP",
    "Spring Integration",
    "Spring Kafka",
    "Spring Cloud Gateway",
    "Spring Data JPA",
    "Spring JDBC",
    "Spring Batch Admin",
    "WireMock",
    "Testcontainers",
    "REST Assured",
    "Gatling DSL",
    "JMH",
    "VisualVM",
    "JProfiler",
    "GraalVM",
    "JVM",
    "OpenJDK",
    "Kotlin Coroutines",
    "Ktor",
    "Exposed",
    "Arrow-kt",
)
OTHER_TOOLS = (
    "Ansible AWX",
    "Apache Kafka Connect",
    "Apache ZooKeeper",
    "Argo Workflows",
    "AWS SAM",
    "Backstage",
    "Bitwarden",
    "Buildah",
    "Calico",
    "Cilium",
    "Cloud Foundry",
    "containerd",
    "CRI-O",
    "Crossplane",
    "Dependabot",
    "Docker Hub",
    "Falco",
    "Fluentd",
    "Fluent Bit",
    "Gerrit",
    "Gitea",
    "Graylog",
    "Harbor",
    "Heartbeat",
    "Jsonnet",
    "K3s",
    "Karpenter",
    "Keda",
    "Kind",
    "Kubectl",
    "Kuma",
    "Loki",
    "Longhorn",
    "MetalLB",
    "Minikube",
    "MinIO",
    "Octopus Deploy",
    "OpenTofu",
    "Packer Templates",
    "Portainer",
    "Prometheus Alertmanager",
    "Rook",
    "Sealed Secrets",
    "Skaffold",
    "Snyk",
    "Sops",
    "Statsd",
    "Tempo",
    "Thanos",
    "Trivy",
    "Velero",
    "VictoriaMetrics",
    "Vector",
    "Zipkin UI",
    "Elastic APM",
    "APM Server",
    "OpenVPN",
    "pfSense",
    "Squid",
    "Bind9",
    "Postfix",
    "Samba",
    "NFS",
    "iSCSI",
    "ZFS",
    "LVM",
    "RAID",
    "SELinux",
    "iptables",
    "systemd",
    "cron",
    "rsync",
    "SSH",
    "GnuPG",
    "Cloud-init",
    "Kickstart",
    "Cobbler",
    "Foreman",
    "Spacewalk",
    "Icinga",
    "Cacti",
    "PRTG",
    "SolarWinds",
    "ManageEngine",
    "SCCM",
    "Intune",
    "JAMF",
    "Group Policy",
    "Exchange Server",
    "Office 365 Administration",
    "PowerApps",
    "Power Automate",
    "Dynamics 365",
    "Tableau Prep",
    "Alteryx",
    "KNIME",
    "RapidMiner",
    "Weka",
    "Orange",
    "SAS Enterprise Miner",
    "Minitab",
    "JMP",
    "EViews",
    "GAMS",
    "Gurobi",
    "CPLEX",
    "AnyLogic",
    "Arena Simulation",
    "Aspen Plus",
    "ANSYS",
    "COMSOL",
    "Abaqus",
    "LS-DYNA",
    "OpenFOAM",
    "Fusion 360",
    "Inventor",
    "Creo",
    "NX",
    "Rhino",
    "SketchUp",
    "ArchiCAD",
    "Lumion",
    "V-Ray",
    "Substance Painter",
    "ZBrush",
    "Houdini",
    "Nuke",
    "Avid Media Composer",
    "Logic Pro",
    "Pro Tools",
    "Ableton Live",
    "Audacity",
    "OBS Studio",
    "Camtasia",
    "Articulate Storyline",
    "Moodle",
    "Blackboard",
    "Canvas LMS",
    "Google Classroom",
    "Kahoot",
    "SPSS Modeler",
    "NVivo",
    "Qualtrics",
    "SurveyMonkey",
    "REDCap",
    "EndNote",
    "Zotero",
    "Mendeley",
    "Overleaf",
    "ArcGIS",
    "QGIS",
    "Google Earth Engine",
    "GRASS GIS",
    "PostGIS",
    "GeoServer",
    "ENVI",
    "ERDAS Imagine",
)


# Skill names that are also everyday words ("make sure", "express my ideas", "Unity of
# purpose"): entries and aliases spelled like these are flagged ambiguous, so they count only
# in a skills section or written exactly like the skill next to other skills.
_COMMON_WORDS_TEXT = """
    access ada ant apollo arena argo awk backbone bamboo beam black bottle box buffer bun caffe
    canvas celery chai chef click combine composer compose consul crystal dagger dash drone echo
    electron elm ember envoy expo express falcon fiber flask flux forth foundation gin glue go
    grunt gulp hack harbor helm hive hugo hydra impala inventor ionic jasmine jest karma kind
    koa kong lambda less lit loki luigi make marko maya mercurial meteor mocha moment monday
    nest next nexus nim nock notion nuke oracle orange outlook packer parcel percy phoenix pillow
    polars prefect presto prometheus prophet puppet pug qt racket ray realm recoil relay remix
    requests rocket rollup ruby rust salt sage scheme sentry shell sinon sketch slack slim smarty
    solid spark spinnaker stencil stimulus storm swift swiper teams tempo thanos tornado twig
    twisted unity vault vector velero velocity victory vim vite wave weka whisper word yarn zig
    zoom dart julia pascal racket sed apex crystal ember box word excel windows nix rhino creo
    nx jmp orange foreman cobbler rook kind falcon bottle dojo immer lighthouse storybook babel
    redux leaflet hapi jetty traefik splunk sonar ant sbt bazel make go r c d j
    room lumen catering validation positioning messaging production reporting compensation
    derivatives engineering trading hospitality
    """
COMMON_WORDS = set(_COMMON_WORDS_TEXT.split())


def _flag_common_words(entry: dict) -> None:
    def common(surface: str) -> bool:
        folded = surface.casefold().strip()
        return folded in COMMON_WORDS or len(folded) <= 2

    if common(entry["name"]) or (entry["category"] == "soft" and " " not in entry["name"].strip()):
        # One-word soft skills ("Planning", "Integrity") are ordinary words in prose.
        entry["ambiguous"] = True
    keep = []
    for alias in entry["aliases"]:
        (entry["ambiguous_aliases"] if common(alias) else keep).append(alias)
    entry["aliases"] = keep


# More names per category, without aliases (";"-separated): breadth for matching job ads
# and CVs outside software.
MORE: dict[str, str] = {
    "language": """Ballerina; Chapel; Cobra; Dylan; Eiffel; Gleam; Idris; Agda; Coq; Lean; Isabelle; Io;
        J; Janet; Kotlin Multiplatform; LiveScript; Mojo; Modula-2; Oberon; OpenSCAD; PL/I; PostScript;
        Q#; Raku; REXX; RPG; SAS Macro; Squirrel; Standard ML; SystemC; Tcl/Tk; TLA+; Vala; V; Wolfram;
        X++; XQuery; XPath; SPARQL; Cypher; Gremlin; HCL; Jsonnet Language; Starlark; CUE; Dhall;
        Bicep; ABAP Objects; Apex Triggers; AutoHotkey; AutoIt; Batch Scripting; Visual FoxPro;
        ActionScript; ColdFusion; Progress 4GL; PowerBuilder; Clarion; Natural; JCL; CICS; IMS;
        Simula; Smalltalk-80; Ladder Logic; Structured Text; IEC 61131-3; G-code; MQL4; MQL5; Pine Script""",
    "framework": """Aiohttp Web; Sanic Framework; Masonite; Web2py; CherryPy Framework; Quart; Litestar; Starlette;
        Responder; Hug; Eve; Connexion; Spring Cloud Stream; Axon Framework; Helidon; Jakarta Faces;
        Apache Wicket Framework; Grails; Ratpack; Spark Framework; Lagom; Scalatra; Http4s; ZIO; Cats Effect;
        Finagle; Ktor Server; Javalin Framework; Revel; Beego; Buffalo; Chi; Gorilla Mux; Go Kit; Iris;
        Axum; Warp; Tide; Leptos; Yew; Dioxus; Tauri Framework; Phoenix LiveView; Hanami; Padrino; Roda;
        Grape; Trailblazer; Slim Framework; Lumen; FuelPHP; Laminas; Kohana; Silex; Mezzio; Sails.js;
        LoopBack; Feathers; AdonisJS; RedwoodJS; Strapi; KeystoneJS; Ghost; Payload CMS; Directus;
        Sanity; Contentful; Prismic; Storyblok; Umbraco; Sitecore; Adobe Experience Manager; Liferay;
        Kentico; Craft CMS; Concrete CMS; TYPO3; Wagtail; Django CMS; Plone; Odoo; Frappe; ERPNext;
        Angular Material; PrimeNG; PrimeReact; PrimeFaces; Vuetify Framework; Element UI; Naive UI;
        Quasar Framework; Headless UI; Radix UI; shadcn/ui; DaisyUI; UIkit; Materialize; Pure.css;
        Spectre.css; Skeleton CSS; Foundation for Apps; Onsen UI; Framework7; NativeScript; Capacitor;
        Kivy Framework; BeeWare; Avalonia; MAUI; Uno Platform; WinUI; UWP; Cocoa; Cocoa Touch; AppKit;
        SpriteKit; SceneKit; ARKit; RealityKit; Core ML; Metal; MapKit; HealthKit; CloudKit; StoreKit;
        Jetpack; Android Jetpack; Room; WorkManager; Navigation Component; ViewModel; LiveData; Kotlin Flow;
        Ktor Client; Koin; Hilt; Glide; Picasso; Coil; ExoPlayer; Firebase Crashlytics; Fastlane;
        Bitrise; App Center; TestFlight; Google Play Console; App Store Connect""",
    "library": """Pandas Profiling; PyArrow; Modin; Vaex; CuPy; cuDF; RAPIDS; Horovod; DeepSpeed; Megatron-LM;
        vLLM; llama.cpp; Ollama; LangGraph; Haystack; DSPy; Semantic Kernel; AutoGen; CrewAI; OpenAI Gym;
        Gymnasium; Stable Baselines; RLlib; Ray Tune; Optuna Dashboard; Hyperopt; Keras Tuner; Albumentations;
        torchvision; torchaudio; timm; MMDetection; Ultralytics; MediaPipe; Dlib; Tesseract; EasyOCR;
        PaddleOCR; Pytesseract; scikit-optimize; imbalanced-learn; Featuretools; tsfresh; sktime; Darts;
        NeuralProphet; GluonTS; pmdarima; lifelines; PyMC3; Stan; Pyro PPL; NumPyro; ArviZ; Altair;
        Folium; GeoPandas; Shapely; Fiona; Rasterio; GDAL; PROJ; Cartopy; Basemap; Kepler.gl; Deck.gl;
        Mapbox GL; Turf.js; Leaflet.js; OpenStreetMap; Pydeck; Panel; HoloViews; Voila; nbconvert;
        Papermill; Great Tables; Pingouin; SciencePlots; Yellowbrick; ELI5; LIME; Captum; InterpretML;
        Evidently; WhyLabs; Deepchecks; Pandera Checks; Cerberus; Voluptuous; Typer; Rich; Textual;
        Loguru; structlog; Sentry Python; Tenacity; Backoff; APScheduler; Dramatiq; RQ; Huey; Kombu;
        Faust; confluent-kafka; kafka-python; pika; aio-pika; grpcio; Thrift Python; Zeep; Suds;
        Flask-RESTful; Flask-SQLAlchemy; Flask-Login; Django Ninja; Django Channels Redis; Graphene;
        Strawberry GraphQL; Ariadne; Tortoise ORM; SQLModel; Pony ORM; Beanie; MongoEngine; Motor;
        asyncpg; psycopg; PyMySQL; mysqlclient; cx_Oracle; pyodbc; Redis-py; PyJWT; Authlib; python-jose;
        Passlib; bcrypt; cryptography.io; PyNaCl; Paramiko SSH; Fabric; Invoke; Ansible Runner; Pulumi Python;
        Troposphere; Boto; AWS SDK; AWS CLI; Azure CLI; gcloud CLI; Terraform CDK; Serverless Framework;
        Zappa; Chalice; Mangum; SAM CLI; LocalStack; Moto; Freezegun; Factory Boy; Faker; Model Bakery;
        pytest-django; pytest-asyncio; Coverage.py; Codecov; Coveralls; Tox Automation; Nox; Pre-commit;
        isort; autopep8; YAPF; Bandit; Safety; pip-tools; Pipenv; Conda Forge; PDM; Hatch; Flit; Setuptools;
        Wheel; Twine; PyPI; Sphinx Docs; MkDocs; Read the Docs; Docusaurus Docs; JSDoc; TypeDoc; Doxygen;
        Javadoc; Swagger Codegen; OpenAPI Generator; Postman Collections; Newman; Insomnia; HTTPie; cURL;
        Wget; jq; yq; ripgrep; fzf; htop; strace; tcpdump; netcat; OpenSSL; Let's Encrypt; Certbot;
        Express Validator; Joi; class-validator; TypeORM Migrations; Mongoose ODM; Drizzle ORM; Objection.js;
        Bookshelf.js; Apollo Client; urql; SWR; Redux Saga Effects; RxJS Operators; Lodash FP; date-fns;
        Luxon; Chart.js Plugins; ApexCharts; Nivo; visx; Plotly.js; Highstock; amCharts; Cytoscape.js;
        Sigma.js; vis.js; GoJS; JointJS; Fabric.js; Konva; Paper.js; p5.js; Matter.js; Cannon.js;
        Socket.IO Client; ws; SockJS; STOMP; SignalR; Pusher; Ably; PubNub; Twilio; SendGrid; Mailgun;
        Postmark; Stripe API; PayPal API; Braintree; Adyen; Square API; Plaid; Auth0; Firebase Auth;
        Supabase Auth; Clerk; NextAuth.js; Passport; Keycloak Adapter; OAuth2 Proxy; Casbin; Open Policy Agent""",
    "tool": """Jenkins X; Concourse CI; GoCD; Harness; Codefresh; Semaphore CI; AppVeyor; Buddy; Woodpecker CI;
        Earthly; Dagger CI; Skaffold Dev; Tilt; Garden; DevSpace; Okteto; Telepresence; Lens; k9s; Octant;
        Kubeadm; kops; Kubespray; EKS Anywhere; Anthos Config Management; Rancher Fleet; Argo Rollouts;
        Flagger; Keptn; Litmus Chaos; Chaos Monkey; Gremlin Chaos; Chaos Mesh; Pact; Spring Cloud Contract;
        WireMock Server; Mountebank; Hoverfly; Toxiproxy; Vegeta; wrk; Artillery; Siege; BlazeMeter;
        LoadRunner; NeoLoad; Tricentis Tosca; Katalon Studio; TestComplete; Ranorex; UFT; SoapUI Pro;
        ReadyAPI; Zephyr; TestRail; Xray; qTest; PractiTest; BrowserStack; Sauce Labs; LambdaTest;
        Perfecto; Kobiton; Detox; EarlGrey; XCUITest; UI Automator; Maestro Mobile; WebdriverIO;
        Nightwatch.js; TestCafe; Protractor; CodeceptJS; Gauge; Serenity BDD; Karate; Behave; Lettuce;
        Mockoon; Stoplight; Redocly; Spectral; Kong Konnect; Tyk; Apigee Edge; MuleSoft Anypoint;
        WSO2; Boomi; Informatica Cloud; SnapLogic; Workato; Tray.io; Make.com; n8n; Node-RED; IFTTT;
        UiPath; Automation Anywhere; Blue Prism; Power Automate Desktop; Selenium IDE; AutoIt Scripts;
        Grafana Loki; Grafana Tempo; Grafana Mimir; Cortex; M3DB; Honeycomb; Lightstep; Chronosphere;
        Coralogix; Logz.io; Sumo Logic; Papertrail; Loggly; Graylog Server; Fluentd Logging; Vector.dev;
        Cribl; OpenSearch Dashboards; Elastic Agent; Beats; Metricbeat; Packetbeat; Auditbeat; Wazuh;
        OSSEC; Suricata; Zeek; Security Onion; CrowdStrike Falcon; SentinelOne; Carbon Black; Microsoft Defender;
        Palo Alto Networks; Fortinet; FortiGate; Check Point; Cisco ASA; Juniper; Aruba; Meraki; Ubiquiti;
        MikroTik; F5 BIG-IP; Citrix ADC; Zscaler; Netskope; Cloudflare Zero Trust; Tailscale; ZeroTier;
        HashiCorp Boundary; Teleport; CyberArk; BeyondTrust; Thycotic; 1Password; LastPass; KeePass;
        Qualys; Nessus; OpenVAS; Rapid7 InsightVM; Acunetix; Netsparker; OWASP ZAP; Nikto; sqlmap; Hydra Tool;
        John the Ripper; Hashcat; Aircrack-ng; Ghidra; IDA Pro; Radare2; Binary Ninja; x64dbg; OllyDbg;
        Volatility; Autopsy; EnCase; FTK; Cellebrite; Maltego; Shodan; theHarvester; Recon-ng; Cobalt Strike;
        Sliver; Empire; BloodHound; Mimikatz; Responder Tool; Impacket; CrackMapExec; Veracode; Checkmarx;
        Fortify; Black Duck; WhiteSource; Mend; Dependabot Alerts; Renovate; GitGuardian; TruffleHog;
        Gitleaks; Semgrep; CodeQL; Coverity; Klocwork; PVS-Studio; Cppcheck; Clang-Tidy; Valgrind;
        AddressSanitizer; GDB; LLDB; WinDbg; perf; eBPF; bpftrace; DTrace; SystemTap; Wireshark Dissectors;
        Postman Monitors; Charles Proxy; Fiddler; mitmproxy; ngrok; Vagrant Cloud; VirtualBox; QEMU; KVM;
        Xen; libvirt; oVirt; Nutanix; VMware vCenter; VMware NSX; VMware Horizon; VMware Tanzu; vSAN;
        NetApp; Pure Storage; Dell EMC; Veeam; Commvault; Veritas NetBackup; Rubrik; Cohesity; Acronis;
        Bacula; Restic; BorgBackup; Duplicati; rclone; Syncthing; Nextcloud; ownCloud; Seafile""",
    "domain": """Financial Accounting Standards; Revenue Recognition; ASC 606; Lease Accounting; Fixed Assets;
        Intercompany Accounting; Consolidation; Variance Analysis; Cost Control; Cash Flow Forecasting;
        Working Capital Management; Credit Control; Collections; Bank Reconciliations; Petty Cash;
        Sales Tax; VAT; Payroll Tax; 1099 Reporting; Audit Preparation; Internal Controls; SOX Testing;
        Risk Assessment Frameworks; Anti-Money Laundering; KYC; Fraud Detection; Credit Scoring;
        Underwriting Guidelines; Actuarial Analysis; Claims Management; Loss Prevention; Asset Allocation;
        Fixed Income; Equities; Derivatives Pricing; Options Trading; Foreign Exchange; Algorithmic Trading;
        Quantitative Analysis; Portfolio Optimization; Risk Modeling; Value at Risk; Basel III; Solvency II;
        Private Equity; Venture Capital; Due Diligence; Mergers & Acquisitions Integration; Business Valuation;
        Pitch Decks; Fundraising; Investor Relations; Corporate Governance; Board Reporting; Treasury Management;
        Procure to Pay; Order to Cash; Record to Report; Source to Pay; Demand Planning; Capacity Planning;
        S&OP; MRP; Warehouse Management; WMS; TMS; Fleet Management; Last Mile Delivery; Import/Export;
        Customs Compliance; Incoterms; Freight Forwarding; Lean Six Sigma; Kaizen; 5S; Value Stream Mapping;
        Root Cause Analysis; FMEA; PFMEA; Statistical Process Control; GD&T; APQP; PPAP; ISO 13485; ISO 14001;
        ISO 45001; IATF 16949; GMP; GLP; GCP Compliance; FDA Regulations; 21 CFR Part 11; CAPA; Validation;
        Computer System Validation; Quality Audits; Supplier Quality; Incoming Inspection; Metrology; CMM;
        CNC Programming; CNC Machining; Welding; MIG Welding; TIG Welding; Blueprint Reading; Preventive Maintenance;
        PLC Programming; SCADA; HMI; DCS; Allen-Bradley; Siemens TIA Portal; Siemens S7; Rockwell Automation;
        Instrumentation; Process Control; Hydraulics; Pneumatics; HVAC; Electrical Wiring; NEC Code; Power Distribution;
        Renewable Energy; Solar PV; Wind Energy; Battery Systems; Energy Management; Smart Grid; Power Electronics;
        Motor Control; Embedded Linux; Yocto; Buildroot; U-Boot; Device Drivers; Linux Kernel; Bare Metal;
        ARM Cortex-M; STM32; ESP32; Arduino; Raspberry Pi; Microcontrollers; RTOS Zephyr; FreeRTOS Kernel;
        CAN Bus; LIN; FlexRay; AUTOSAR; ISO 26262; MISRA C; Modbus; Profinet; EtherCAT; I2C; SPI; UART; USB;
        Bluetooth Low Energy; Zigbee; LoRaWAN; MQTT; CoAP; 5G; LTE; RF Design; Antenna Design; Signal Integrity;
        Oscilloscope; Logic Analyzer; Spectrum Analyzer; Soldering; PCB Layout; Eagle CAD; OrCAD; Cadence;
        Mentor Graphics; Xilinx Vivado; Intel Quartus; ModelSim; UVM; ASIC Design; VLSI; Physical Design;
        Static Timing Analysis; Synthesis; Place and Route; DFT; Analog Design; Mixed-Signal Design; SPICE;
        LTspice; Multisim; PSpice; MATLAB Simulink Modeling; dSPACE; LabWindows; NI TestStand; VectorCAST;
        CANoe; CANalyzer; Finite Element Analysis; CFD; Structural Analysis; Thermal Analysis; Tolerance Analysis;
        Product Design; Industrial Design; Design for Manufacturing; Injection Molding; Sheet Metal Design;
        3D Printing; Additive Manufacturing; Rapid Tooling; Reverse Engineering; Surveying; Land Development;
        Geotechnical Engineering; Transportation Engineering; Water Resources; Environmental Engineering;
        Stormwater Management; Site Planning; Urban Planning; GIS Analysis; Remote Sensing; Photogrammetry;
        LiDAR; Building Codes; Estimating; Quantity Surveying; Scheduling Primavera; Primavera P6; Procore;
        Bluebeam; Construction Safety; OSHA 30; Project Controls; Earned Value Management; Change Orders;
        Contract Administration; Tendering; Bid Management; Facilities Management; Property Valuation; Leasing;
        Tenant Relations; Mortgage Lending; Loan Processing; Title Insurance; Escrow; Appraisal""",
    "business": """Customer Journey Mapping; Persona Development; Growth Hacking; Conversion Rate Optimization;
        Landing Pages; Marketing Analytics; Attribution Modeling; Marketing Mix Modeling; Brand Management;
        Brand Strategy; Product Marketing; Go-to-Market Strategy; Positioning; Pricing Strategy; Competitive Intelligence;
        Channel Marketing; Partner Marketing; Affiliate Marketing; Influencer Marketing; Community Management;
        Content Strategy; Editorial Calendar; Video Marketing; Podcasting; Webinars; Trade Shows; Event Marketing;
        Direct Mail; Print Advertising; Media Buying; Programmatic Advertising; Google Ads; Meta Ads; LinkedIn Ads;
        TikTok Ads; Amazon Advertising; Google Tag Manager; Google Search Console; SEMrush; Ahrefs; Moz;
        Screaming Frog; Hotjar; Mixpanel; Amplitude; Heap; Segment; Braze; Iterable; Klaviyo; Customer.io;
        Intercom; Drift; Gong; Outreach; Salesloft; ZoomInfo; Apollo.io; LinkedIn Sales Navigator; Cold Emailing;
        Sales Forecasting; Pipeline Management; Territory Management; Solution Selling; SPIN Selling; Challenger Sale;
        MEDDIC; Consultative Selling; Inside Sales; Field Sales; Enterprise Sales; SaaS Sales; Channel Sales;
        Upselling; Cross-selling; Customer Retention; Churn Reduction; Net Promoter Score; Customer Onboarding;
        Client Relationship Management; Key Account Planning; RFP Responses; Proposal Writing; Contract Management Software;
        Vendor Negotiation; Category Management; Spend Analysis; Supplier Relationship Management; Coupa; Ariba;
        SAP Ariba; Jaggaer; Oracle Procurement; Workday Financials; Anaplan; Adaptive Insights; Hyperion;
        Oracle Hyperion; OneStream; BlackLine; FloQast; Concur; Expensify; Bill.com; Tipalti; Avalara; Vertex Tax;
        Gusto; ADP; Paychex; BambooHR; Rippling; UKG; Kronos; SuccessFactors; Oracle HCM; Greenhouse; Lever;
        iCIMS; Taleo; Workable; SmartRecruiters; JazzHR; Boolean Search; Candidate Sourcing; Employer Branding;
        Interviewing; Behavioral Interviewing; Offer Negotiation; Background Checks; HR Policies; Labor Law;
        Employment Law; Workforce Planning; Succession Planning; Talent Management; Organizational Development;
        Culture Building; Diversity and Inclusion; Employee Engagement; Engagement Surveys; Exit Interviews;
        Compensation Analysis; Job Evaluation; Benefits Enrollment; FMLA; Workers Compensation; Immigration;
        HR Analytics; People Analytics; Learning Management Systems; Instructional Design; e-Learning; ADDIE;
        Curriculum Design; Facilitation; Workshop Facilitation; Public Relations Strategy; Crisis Communication;
        Internal Communications; Speechwriting; Press Releases; Media Training; Grant Management; Fundraising Events;
        Donor Relations; Nonprofit Management; Volunteer Management; Program Evaluation; Policy Analysis;
        Public Policy; Legislative Affairs; Government Relations; Lobbying; Regulatory Affairs; Legal Drafting;
        Contract Drafting; Legal Compliance; Intellectual Property; Patent Law; Trademarks; Litigation Support;
        eDiscovery; Case Management Software; Legal Research Westlaw; LexisNexis; Clio; Notary Public;
        Court Reporting; Mediation Services; Arbitration; Paralegal Studies; Records Management; Document Control;
        Office Operations; Front Desk Operations; Reception; Travel Coordination; Expense Management;
        Minute Taking; Executive Support; Calendar Coordination; Mail Handling; Filing; Dictation; Transcription;
        Proofreading Services; Copy Editing; Fact Checking; Content Editing; Localization Testing; Subtitling;
        Interpretation Services; Sign Language Interpreting; Tutoring Services; Test Preparation; Special Education;
        ESL Teaching; Classroom Technology; Lesson Planning Tools; Student Assessment; IEP; Early Childhood Development;
        Child Development; Youth Work; Coaching Sports; Personal Training; Fitness Instruction; Yoga Instruction;
        Nutrition Counseling; Dietetics; Food Safety Certification; ServSafe; HACCP; Menu Planning; Catering;
        Bartending; Barista Skills; Inventory Ordering; Cash Register; Visual Display; Stocking; Customer Checkout;
        Order Picking; Forklift Certification; Pallet Jack; Shipping Logistics; Route Planning; Dispatching;
        Commercial Driving; Defensive Driving; Security Guarding; Loss Prevention Retail; CCTV Monitoring;
        Emergency Response; Fire Safety; Janitorial; Landscaping; Carpentry; Plumbing; Painting; Masonry;
        Roofing; Drywall; Flooring; Appliance Repair; Automotive Repair; Diesel Mechanics; Auto Body Repair;
        Aircraft Maintenance; Avionics; Marine Engineering; Seamanship""",
    "health": """Patient Assessment; Triage; Wound Care; IV Therapy; Catheterization; Telemetry; Critical Care;
        ICU; Emergency Nursing; Pediatric Nursing; Oncology Nursing; Labor and Delivery; Neonatal Care;
        Geriatric Care; Palliative Care; Hospice Care; Home Health; Case Management Nursing; Care Coordination;
        Discharge Planning; Patient Education; Medication Reconciliation; Clinical Documentation; Charting;
        Epic EHR; Cerner EHR; Meditech; Allscripts; athenahealth; eClinicalWorks; NextGen; PointClickCare;
        ICD-10 Coding; CPT Coding; HCPCS; Revenue Cycle Management; Prior Authorization; Insurance Verification;
        Medical Scheduling; Medical Reception; Phlebotomy Certification; Specimen Collection; Lab Testing;
        Clinical Laboratory; Microbiology; Hematology; Histology; Cytology; Immunology; Molecular Diagnostics;
        Cell Culture; Flow Cytometry; ELISA; CRISPR; Next-Generation Sequencing; Bioinformatics; Genomics;
        Proteomics; Mass Spectrometry; HPLC; Gas Chromatography; Spectroscopy; Titration; Lab Safety;
        GMP Manufacturing; Clinical Trial Management; Protocol Development; Informed Consent; IRB Submissions;
        Pharmacovigilance; Drug Safety; Regulatory Submissions; Medical Writing; Biostatistics; SAS Clinical;
        CDISC; Epidemiological Research; Health Informatics; Population Health; Health Policy; Health Education;
        Community Health; Behavioral Health; Substance Abuse Counseling; Crisis Intervention; CBT; DBT;
        Trauma-Informed Care; Motivational Interviewing; Group Therapy; Family Therapy; Psychological Assessment;
        Occupational Therapy; Speech Therapy; Respiratory Therapy; Radiography; Ultrasound; Sonography; CT Scanning;
        Nuclear Medicine; Radiation Therapy; Anesthesia; Surgical Assisting; Sterile Processing; Operating Room;
        Dental Hygiene Care; Orthodontics; Optometry; Pharmacy Technician; Compounding; Dispensing;
        Veterinary Care; Animal Handling; Veterinary Technician; Massage Therapy; Chiropractic; Acupuncture;
        Personal Care; Activities of Daily Living; Dementia Care; Companionship Care; Mobility Assistance""",
    "soft": """Accountability; Active Learning; Analytical Reasoning; Assertiveness; Attention Management;
        Big-Picture Thinking; Coachability; Collaboration Skills; Compassion; Confidence; Conscientiousness;
        Cultural Awareness; Curiosity; Customer Empathy; Dependability; Diplomacy; Discretion; Empathy Skills;
        Enthusiasm; Ethics; Flexibility Skills; Follow-through; Friendliness; Goal Setting; Growth Mindset;
        Honesty; Humility; Influencing; Innovation Skills; Inspiring Others; Integrity; Intercultural Communication;
        Logical Thinking; Meeting Deadlines; Mentoring Skills; Networking; Open-mindedness; Optimism;
        Organization and Planning; Ownership; Perseverance; Persuasion; Planning; Positive Attitude;
        Prioritizing; Problem Identification; Process Orientation; Professionalism; Punctuality; Quick Thinking;
        Relationship Management; Research Skills; Resourcefulness; Respectfulness; Results Orientation;
        Self-awareness; Self-discipline; Sense of Humor; Social Skills; Storytelling; Strategic Communication;
        Supervision; Team Building; Team Coordination; Tolerance; Trustworthiness; Verbal Skills; Visionary Thinking;
        Work-life Balance; Writing Skills; Written Communication Skills; Customer Orientation; Service Orientation;
        Cross-cultural Competence; Emotional Resilience; Independent Work; Initiative Taking; Self-management""",
}


def _parse_lines(category: str, block: str) -> list[dict]:
    entries = []
    for raw in block.strip().splitlines():
        parts = [part.strip() for part in raw.split("|")]
        name = parts[0]
        ambiguous = name.startswith("!")
        name = name.lstrip("!")
        aliases, ambiguous_aliases = [], []
        for alias in (parts[1] if len(parts) > 1 else "").split(","):
            alias = alias.strip()
            if not alias:
                continue
            if alias.startswith("!"):
                ambiguous_aliases.append(alias[1:])
            else:
                aliases.append(alias)
        related = [r.strip() for r in (parts[2] if len(parts) > 2 else "").split(",") if r.strip()]
        entries.append(
            {
                "name": name,
                "category": category,
                "aliases": aliases,
                "ambiguous_aliases": ambiguous_aliases,
                "related": related,
                "ambiguous": ambiguous,
            }
        )
    return entries


def _entry(name: str, category: str, aliases=(), related=(), ambiguous=False) -> dict:
    return {
        "name": name,
        "category": category,
        "aliases": list(aliases),
        "ambiguous_aliases": [],
        "related": list(related),
        "ambiguous": ambiguous,
    }


def _generated(existing: dict[str, dict]) -> list[dict]:
    out: list[dict] = []
    for base, versions in VERSIONED.items():
        if base not in existing:
            continue
        entry = existing[base]
        for version in versions:
            # "Java 8" and "Java8" both map to Java: the version is noise for matching.
            entry["aliases"].extend([f"{base} {version}", f"{base}{version}"])
    for base in COMPOUND_BASES:
        target = existing.get(base) or existing.get({"Golang": "Go"}.get(base, ""))
        for suffix in COMPOUND_SUFFIXES:
            if target is not None:
                target["aliases"].append(f"{base} {suffix}")
            else:
                name = f"{base} {suffix.capitalize()}"
                out.append(_entry(name, "domain", related=[]))
    for raw in CERTIFICATIONS.strip().splitlines():
        name, _, aliases = (part.strip() for part in raw.partition("|"))
        out.append(_entry(name, "certification", [a.strip() for a in aliases.split(",") if a.strip()]))
    for cloud, prefix, services in (
        ("AWS", "AWS", AWS_SERVICES),
        ("Azure", "Azure", AZURE_SERVICES),
        ("Google Cloud Platform", "Google", GCP_SERVICES),
    ):
        for service in services:
            name = f"{prefix} {service}"
            aliases = [service] if len(service) > 4 and " " in service else []
            out.append(_entry(name, "cloud", aliases, related=[cloud]))
    for names, related in ((PYTHON_LIBS, "Python"), (JS_LIBS, "JavaScript"), (JAVA_LIBS, "Java")):
        for name in names:
            out.append(_entry(name, "library", related=[related]))
    for name in OTHER_TOOLS:
        out.append(_entry(name, "tool"))
    for category, block in MORE.items():
        for name in block.split(";"):
            name = " ".join(name.split())
            if name:
                out.append(_entry(name, category))
    return out


CATEGORY_OF_LIST = {
    "language": "language",
    "framework": "framework",
    "library": "library",
    "database": "database",
    "cloud": "cloud",
    "cloud_service": "cloud",
    "devops": "tool",
    "data": "domain",
    "practice": "domain",
    "office": "tool",
    "business": "domain",
    "health": "domain",
    "soft": "soft",
}


def build() -> dict:
    entries: dict[str, dict] = {}
    for list_name, block in LISTS.items():
        for entry in _parse_lines(CATEGORY_OF_LIST[list_name], block):
            if entry["name"] in entries:
                raise ValueError(f"duplicate skill {entry['name']!r}")
            entries[entry["name"]] = entry
    for entry in _generated(entries):
        if entry["name"] in entries:
            continue
        entries[entry["name"]] = entry
    key = lambda s: re.sub(r"\s+", " ", s.casefold()).strip()  # noqa: E731
    # First come, first served: hand-written lists precede generated families, so a generated
    # alias or name that collides with a curated surface form is dropped, never re-pointed.
    seen: dict[str, str] = {}
    kept: dict[str, dict] = {}
    for name, entry in entries.items():
        if key(name) in seen:
            continue
        seen[key(name)] = name
        kept[name] = entry
    for name, entry in kept.items():
        for field in ("aliases", "ambiguous_aliases"):
            surfaces = []
            for alias in entry[field]:
                k = key(alias)
                if seen.setdefault(k, name) == name and alias not in surfaces and k != key(name):
                    surfaces.append(alias)
            entry[field] = sorted(surfaces, key=str.casefold)
        entry["related"] = sorted({r for r in entry["related"] if r != name and r in kept})
    entries = kept
    for entry in entries.values():
        _flag_common_words(entry)
    return {
        "description": "SmartCV skills vocabulary: canonical names, aliases, categories, related skills. "
        "Generated by matching/skills/build_vocabulary.py; edit the lists there, not this file.",
        "skills": [entries[name] for name in sorted(entries, key=str.casefold)],
    }


def main() -> None:
    data = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(
        json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    print(
        f"{len(data['skills'])} skills, {sum(len(s['aliases']) for s in data['skills'])} aliases -> {OUT}"
    )


if __name__ == "__main__":
    main()
